'use client';

import { useActionState } from 'react';
import { createTokenAction } from '@/lib/actions/account';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import { Button } from '@/components/ui/button';

const initial: FormState = { status: 'idle' };

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, initial);
  return (
    <form action={action} className="form narrow" noValidate>
      <FormMessage status={state.status} message={state.message} />
      {state.secret && (
        <div className="secret">
          <label htmlFor="new-token">New API token</label>
          <input id="new-token" readOnly value={state.secret} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <Field
        label="Token name"
        name="name"
        hint="What the token is for, e.g. “CMS import”."
        required
        defaultValue={state.status === 'error' ? state.values?.name : ''}
        error={state.fieldErrors?.name}
      />
      <Button type="submit" disabled={pending}>
        Create token
      </Button>
    </form>
  );
}
