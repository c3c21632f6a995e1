'use client';

import { useActionState } from 'react';
import { commentAction } from '@/app/review/actions';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/api/form-result';

export function CommentForm({ claimId }: { claimId: string }) {
  const [state, action, pending] = useActionState(commentAction, { status: 'idle' } as FormState);
  const error = state.fieldErrors?.body;
  return (
    <form action={action} className="form narrow" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="claimId" value={claimId} />
      <div className="field">
        <label htmlFor="comment-body">New comment</label>
        <textarea id="comment-body" name="body" rows={3} key={state.status === 'ok' ? state.message : 'draft'} defaultValue={state.status === 'error' ? state.values?.body : ''} aria-invalid={error ? true : undefined} aria-describedby={error ? 'comment-body-error' : undefined} />
        {error && (
          <p className="field-error" id="comment-body-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        Add comment
      </button>
    </form>
  );
}
