'use client';

import { useActionState } from 'react';
import { reviewAction } from '@/app/review/actions';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/api/form-result';

export function ReviewForm({ claimId }: { claimId: string }) {
  const [state, action, pending] = useActionState(reviewAction, { status: 'idle' } as FormState);
  return (
    <form action={action} className="form narrow" noValidate aria-labelledby="decision-heading">
      <h2 id="decision-heading">Your decision</h2>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="claimId" value={claimId} />
      <TextAreaField label="Comment (required to request changes)" name="comment" id="review-comment" rows={4} defaultValue={state.values?.comment} error={state.fieldErrors?.comment} />
      <div className="step-buttons">
        <button type="submit" name="decision" value="approve" disabled={pending}>
          Approve
        </button>
        <button type="submit" name="decision" value="request_changes" className="danger" disabled={pending}>
          Request changes
        </button>
      </div>
    </form>
  );
}
