'use client';

import { useActionState } from 'react';
import { resetPasswordAction, setDisabledAction, updateRolesAction } from '@/lib/actions/users';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, ConfirmForm } from '@/components/ui/dialog';
import { useToastingAction } from '@/components/ui/toast';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import { RoleCheckboxes } from './role-checkboxes';

const initial: FormState = { status: 'idle' };

export function UserRowActions({ user }: { user: { id: string; name: string; roles: string[]; disabled: boolean } }) {
  const [rolesState, rolesAction] = useActionState(useToastingAction(updateRolesAction), initial);
  const [disableState, disableAction] = useActionState(useToastingAction(setDisabledAction), initial);
  const [resetState, resetAction] = useActionState(resetPasswordAction, initial);
  return (
    <div className="row-actions">
      <form action={rolesAction} aria-label={`Roles of ${user.name}`}>
        <input type="hidden" name="id" value={user.id} />
        <RoleCheckboxes idPrefix={`user-${user.id}`} checked={user.roles} error={rolesState.fieldErrors?.roles} />
        <Button type="submit">Save roles</Button>
        {rolesState.status === 'error' && <FormMessage status={rolesState.status} message={rolesState.message} />}
      </form>
      <div>
        {user.disabled ? (
          <form action={disableAction}>
            <input type="hidden" name="id" value={user.id} />
            <input type="hidden" name="disabled" value="false" />
            <Button type="submit">{`Enable ${user.name}`}</Button>
          </form>
        ) : (
          <ConfirmDialog
            trigger={<Button variant="danger">{`Disable ${user.name}`}</Button>}
            title={`Disable ${user.name}?`}
            confirmLabel={`Disable ${user.name}`}
            description="They are signed out everywhere at once and their API tokens are revoked; enabling them again does not bring the tokens back."
            action={disableAction}
            fields={{ id: user.id, disabled: 'true' }}
          />
        )}
        {disableState.status === 'error' && <FormMessage status={disableState.status} message={disableState.message} />}
      </div>
      {/* The answer stays in the row, not in a toast: it carries a one-time link to copy. */}
      <ConfirmForm
        action={resetAction}
        confirmation={() => ({
          title: `Reset the password of ${user.name}?`,
          description:
            'Their password stops working and their sessions end at once; you get a one-time link to send them. Their API tokens keep working.',
          confirmLabel: `Reset password of ${user.name}`,
        })}
      >
        <input type="hidden" name="id" value={user.id} />
        <Button type="submit">Reset password of {user.name}</Button>
        <FormMessage status={resetState.status} message={resetState.message} />
        {resetState.secret && <code className="secret">{resetState.secret}</code>}
      </ConfirmForm>
    </div>
  );
}
