'use client';

import { useActionState } from 'react';
import { commentAction } from '@/lib/actions/reviews';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import { Button } from '@/components/ui/button';

export function CommentForm({ claimId }: { claimId: string }) {
  const [state, action, pending] = useActionState(commentAction, { status: 'idle' } as FormState);
  return (
    <form action={action} className="form narrow" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="claimId" value={claimId} />
      <TextAreaField
        label="New comment"
        name="body"
        id="comment-body"
        rows={3}
        key={state.status === 'ok' ? state.message : 'draft'}
        defaultValue={state.status === 'error' ? state.values?.body : ''}
        error={state.fieldErrors?.body}
      />
      <Button type="submit" disabled={pending}>
        Add comment
      </Button>
    </form>
  );
}
