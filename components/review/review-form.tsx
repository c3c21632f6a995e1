'use client';

import { useActionState } from 'react';
import { reviewAction } from '@/app/review/actions';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/api/form-result';

/**
 * The reviewer's decision on the claim at `claimVersion`, the version the page shows. When the claim
 * changed meanwhile the action refuses, the page re-renders with the claim as it is now and the message
 * stays; `refusal` replaces the buttons when the reviewer may not decide.
 */
export function ReviewForm({ claimId, claimVersion, refusal }: { claimId: string; claimVersion: number; refusal: string | null }) {
  const [state, action, pending] = useActionState(reviewAction, { status: 'idle' } as FormState);
  return (
    <form action={action} className="form narrow" noValidate aria-labelledby="decision-heading">
      <h2 id="decision-heading">Your decision</h2>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="claimVersion" value={claimVersion} />
      {refusal ? (
        <p className="notice">{refusal}</p>
      ) : (
        <>
          <TextAreaField label="Comment (required to request changes)" name="comment" id="review-comment" rows={4} defaultValue={state.values?.comment} error={state.fieldErrors?.comment} />
          <p className="field-hint">Your decision covers the claim exactly as shown above.</p>
          <div className="step-buttons">
            <button type="submit" name="decision" value="approve" disabled={pending}>
              Approve
            </button>
            <button type="submit" name="decision" value="request_changes" className="danger" disabled={pending}>
              Request changes
            </button>
          </div>
        </>
      )}
    </form>
  );
}
