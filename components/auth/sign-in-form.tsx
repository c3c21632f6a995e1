'use client';

import { useActionState } from 'react';
import { signInAction } from '@/lib/actions/sessions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/validation/form-state';

const initial: FormState = { status: 'idle' };

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="form narrow" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
