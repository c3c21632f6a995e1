'use client';

import { useActionState } from 'react';
import { createUserAction } from '@/lib/actions/users';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { NewPasswordField } from '@/components/auth/new-password-field';
import type { FormState } from '@/lib/validation/form-state';
import { RoleCheckboxes } from './role-checkboxes';
import { Button } from '@/components/ui/button';

const initial: FormState = { status: 'idle' };

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, initial);
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="form narrow" noValidate>
      <FormMessage status={state.status} message={state.message} />
      {state.secret && (
        <p className="secret">
          <code>{state.secret}</code>
        </p>
      )}
      <Field label="Name" name="name" required defaultValue={values?.name} error={state.fieldErrors?.name} />
      <Field
        label="Email"
        name="email"
        type="email"
        required
        defaultValue={values?.email}
        error={state.fieldErrors?.email}
      />
      <RoleCheckboxes
        idPrefix="new-user"
        checked={values ? (values.roles ?? '').split(',') : ['EDITOR']}
        error={state.fieldErrors?.roles}
      />
      <NewPasswordField
        label="Password"
        name="password"
        required={false}
        note="Leave empty to get a one-time invitation link instead."
        error={state.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending}>
        Create user
      </Button>
    </form>
  );
}
