'use client';

import { useActionState } from 'react';
import { changePasswordAction } from '@/lib/actions/account';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { NewPasswordField } from '@/components/auth/new-password-field';
import type { FormState } from '@/lib/validation/form-state';
import { Button } from '@/components/ui/button';

const initial: FormState = { status: 'idle' };

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initial);
  return (
    <form action={action} className="form narrow" noValidate aria-labelledby="password-heading">
      <FormMessage status={state.status} message={state.message} />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.currentPassword}
      />
      <NewPasswordField name="newPassword" error={state.fieldErrors?.newPassword} />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
    </form>
  );
}
