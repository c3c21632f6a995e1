import 'server-only';
import { z } from 'zod';
import { toAppError } from '@/lib/errors';
import type { FormState } from '@/lib/validation/form-state';
import { storableText } from '@/lib/validation/text';

export type { FormState };

export const idle: FormState = { status: 'idle' };

const formArgument = z.instanceof(FormData);

/** A server action's form argument: clients may call an action with any value, so it is checked before it is read. */
export function readForm(form: unknown): FormData | null {
  const parsed = formArgument.safeParse(form);
  return parsed.success ? parsed.data : null;
}

/** What an action answers when it was not sent a form. */
export const notAForm: FormState = {
  status: 'error',
  message: 'The form could not be read. Reload the page and try again.',
};

/** The fields of a form parsed with `schema` (last value of each name), or null when it is not a form or does not match. */
export function parseForm<S extends z.ZodType>(form: unknown, schema: S): z.infer<S> | null {
  const data = readForm(form);
  if (!data) return null;
  const parsed = schema.safeParse(Object.fromEntries(data));
  return parsed.success ? parsed.data : null;
}

export function formValues(form: FormData, skip: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !skip.includes(key) && !key.startsWith('$')) values[key] = storableText(value);
  }
  return values;
}

/**
 * Maps a validation or domain error to the form's messages; other errors propagate. `hiddenFields` are sent
 * by the form but have no place to show a message (a version, an id): a problem with one is said above.
 */
export function formError(
  err: unknown,
  values: Record<string, string>,
  hiddenFields: readonly string[] = [],
): FormState {
  if (err instanceof z.ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of err.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return { status: 'error', message: 'Please correct the marked fields.', fieldErrors, values };
  }
  const known = toAppError(err);
  if (known) {
    const fieldErrors = Object.fromEntries(known.errors.map((e) => [e.path, e.message]));
    // A problem shown at a field of this form is said once, there; the alert above only points to it.
    const isAllAtFields =
      known.errors.length > 0 && known.errors.every((e) => e.path in values && !hiddenFields.includes(e.path));
    return {
      status: 'error',
      message: isAllAtFields ? 'Please correct the marked fields.' : known.message,
      fieldErrors,
      values,
    };
  }
  throw err;
}
