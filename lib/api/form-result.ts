import 'server-only';
import { z } from 'zod';
import { toAppError } from '@/lib/errors';
import { storableText } from '@/lib/validation/text';

/** What a form's server action answers: a message, errors by field, and the values to put back. */
export interface FormState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** A secret or link to show once (new token, invitation). */
  secret?: string;
}

export const idle: FormState = { status: 'idle' };

export function formValues(form: FormData, skip: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !skip.includes(key) && !key.startsWith('$')) values[key] = storableText(value);
  }
  return values;
}

/** Maps a validation or domain error to the form's messages; other errors propagate. */
export function formError(err: unknown, values: Record<string, string>): FormState {
  if (err instanceof z.ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of err.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return { status: 'error', message: 'Please correct the marked fields.', fieldErrors, values };
  }
  const known = toAppError(err);
  if (known) {
    const fieldErrors = Object.fromEntries(known.errors.map((e) => [e.path, e.message]));
    return { status: 'error', message: known.message, fieldErrors, values };
  }
  throw err;
}
