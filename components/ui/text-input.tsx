import type { InputHTMLAttributes } from 'react';

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
}

/**
 * A labelled one-line text box of the design system, shaped as Select and DateField are (its label, then the
 * control): the words of a list's search and filter forms. A form's field with a hint or an error is a Field.
 */
export function TextInput({ id, label, ...input }: TextInputProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </>
  );
}
