'use client';

import { useActionState } from 'react';
import { revokeTokenAction } from '@/lib/actions/account';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FormMessage } from '@/components/ui/form-message';
import { useToastingAction } from '@/components/ui/toast';
import type { FormState } from '@/lib/validation/form-state';

const initial: FormState = { status: 'idle' };

/** "Revoke" in a token's row: asks first, then says in a toast that the token no longer works. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(
    useToastingAction(async (_prev: FormState, form: FormData): Promise<FormState> => {
      const answer = await revokeTokenAction(form);
      return answer.status === 'ok'
        ? { ...answer, message: `Token “${name}” revoked: it is refused from now on.` }
        : answer;
    }),
    initial,
  );
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="danger" aria-label={`Revoke token ${name}`}>
            Revoke
          </Button>
        }
        title={`Revoke the token “${name}”?`}
        description="Scripts using it stop working at once. This cannot be undone: a new token has a new secret."
        confirmLabel="Revoke token"
        action={action}
        fields={{ id }}
      />
      {state.status === 'error' && <FormMessage status={state.status} message={state.message} />}
    </>
  );
}
