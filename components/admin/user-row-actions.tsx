'use client';

import { useActionState } from 'react';
import { resetPasswordAction, setDisabledAction, updateRolesAction } from '@/lib/actions/users';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import { RoleCheckboxes } from './role-checkboxes';

const initial: FormState = { status: 'idle' };

export function UserRowActions({ user }: { user: { id: string; name: string; roles: string[]; disabled: boolean } }) {
  const [rolesState, rolesAction] = useActionState(updateRolesAction, initial);
  const [disableState, disableAction] = useActionState(setDisabledAction, initial);
  const [resetState, resetAction] = useActionState(resetPasswordAction, initial);
  return (
    <div className="row-actions">
      <form action={rolesAction} aria-label={`Roles of ${user.name}`}>
        <input type="hidden" name="id" value={user.id} />
        <RoleCheckboxes idPrefix={`user-${user.id}`} checked={user.roles} error={rolesState.fieldErrors?.roles} />
        <button type="submit">Save roles</button>
        <FormMessage status={rolesState.status} message={rolesState.message} />
      </form>
      <form action={disableAction}>
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
        <button type="submit">{user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}</button>
        <FormMessage status={disableState.status} message={disableState.message} />
      </form>
      <form action={resetAction}>
        <input type="hidden" name="id" value={user.id} />
        <button type="submit">Reset password of {user.name}</button>
        <FormMessage status={resetState.status} message={resetState.message} />
        {resetState.secret && <code className="secret">{resetState.secret}</code>}
      </form>
    </div>
  );
}
