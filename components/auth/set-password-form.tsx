'use client';

import { useActionState } from 'react';
import { setPasswordAction } from '@/lib/actions/password-links';
import { FormMessage } from '@/components/ui/form-message';
import { Button } from '@/components/ui/button';
import { NewPasswordField } from '@/components/auth/new-password-field';
import type { FormState } from '@/lib/validation/form-state';

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(setPasswordAction, { status: 'idle' } as FormState);
  return (
    <form action={action} className="form narrow" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordField name="password" error={state.fieldErrors?.password} />
      <Button type="submit" disabled={pending}>
        Set password
      </Button>
    </form>
  );
}
