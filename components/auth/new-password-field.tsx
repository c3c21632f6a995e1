import { Field } from '@/components/ui/field';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-rules';

interface NewPasswordFieldProps {
  label?: string;
  name: string;
  error?: string;
  required?: boolean;
  /** Said after the length rule, such as what leaving the field empty does. */
  note?: string;
}

/** A field that chooses a password: the browser may suggest one, and the hint states the rule the server checks. */
export function NewPasswordField({
  label = 'New password',
  name,
  error,
  required = true,
  note,
}: NewPasswordFieldProps) {
  return (
    <Field
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required={required}
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.${note ? ` ${note}` : ''}`}
      error={error}
    />
  );
}
