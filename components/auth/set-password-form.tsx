'use client';

import { useActionState } from 'react';
import { setPasswordAction } from '@/lib/actions/password-links';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(setPasswordAction, { status: 'idle' } as FormState);
  return (
    <form action={action} className="form narrow" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters."
        error={state.fieldErrors?.password}
      />
      <button type="submit" disabled={pending}>
        Set password
      </button>
    </form>
  );
}
