import { AppError } from '@/lib/errors';

/** The AppError a promise is refused with; any other error is rethrown, and a success fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}
