'use client';

import { createUserAction } from '@/lib/actions/users';
import { Field } from '@/components/ui/field';
import { useFormFeedback } from '@/components/ui/use-form-feedback';
import { NewPasswordField } from '@/components/auth/new-password-field';
import { RoleCheckboxes } from './role-checkboxes';
import { Button } from '@/components/ui/button';

export function CreateUserForm() {
  const { state, formAction, pending, form } = useFormFeedback(createUserAction);
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} className="form narrow" noValidate ref={form}>
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
      {/* The invitation link is shown once: it stays on the page, where the toast would take it away. */}
      {state.status === 'ok' && state.secret && (
        <div className="secret" role="status">
          <p>Send {state.values?.name ?? 'them'} this one-time link to set a password; it is not shown again:</p>
          <code>{state.secret}</code>
        </div>
      )}
    </form>
  );
}
