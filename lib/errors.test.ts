import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors';

/** The same class as another bundle of lib/errors builds it (Next compiles one copy per layer). */
class OtherBundleAppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    message: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

describe('toAppError', () => {
  it('keeps the status, message and fields of an AppError from another copy of the module', () => {
    const mapped = toAppError(
      new OtherBundleAppError('PAYLOAD_TOO_LARGE', 'Too big.', [{ path: 'file', message: 'Over 8 MB.' }]),
    );
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({
      status: 413,
      message: 'Too big.',
      errors: [{ path: 'file', message: 'Over 8 MB.' }],
    });
  });

  it('does not take an error for an AppError because of its name alone', () => {
    expect(toAppError(new OtherBundleAppError('TEAPOT', 'No.'))).toBeUndefined();
    expect(toAppError(Object.assign(new Error('x'), { code: 'FORBIDDEN' }))).toBeUndefined();
  });
});
