import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

/** What a control inside a FieldShell is given: its id, whether it is invalid, and what describes it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldShellProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** A length limit shown under the control ("12 / 280 characters"), marked as an error when passed. */
  count?: { length: number; max: number };
  children: (control: FieldControlProps) => ReactNode;
}

/** The one field shape: label, hint, the control, its count and its error, all tied to the control for screen readers. */
export function FieldShell({ id, label, hint, error, count, children }: FieldShellProps) {
  const describedBy =
    [hint && `${id}-hint`, count && `${id}-count`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {count && (
        <p id={`${id}-count`} className={count.length > count.max ? 'field-error' : 'field-hint'}>
          {count.length} / {count.max} characters
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

/** A labelled input with its hint and its error beside it, both announced to screen readers. */
export function Field({ label, name, error, hint, id, ...input }: FieldProps) {
  return (
    <FieldShell id={id ?? `field-${name}`} label={label} hint={hint} error={error}>
      {(control) => <input name={name} {...control} {...input} />}
    </FieldShell>
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  id: string;
  error?: string;
}

/** A labelled textarea with its error beside it, announced to screen readers. */
export function TextAreaField({ label, name, id, error, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} error={error}>
      {(control) => <textarea name={name} {...control} {...textarea} />}
    </FieldShell>
  );
}
