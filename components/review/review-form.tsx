'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { reviewAction } from '@/lib/actions/reviews';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import { Button } from '@/components/ui/button';
import { useReviewKeys } from './review-keys';

/**
 * The reviewer's decision on the claim at `claimVersion`, the version the page shows. When the claim
 * changed meanwhile the action refuses, the page re-renders with the claim as it is now and the message
 * stays; `refusal` replaces the buttons when the reviewer may not decide. After a decision the reviewer goes on to
 * `nextId`, the next claim in the queue (review-shortcuts.tsx gives the buttons their keys).
 */
export function ReviewForm({
  claimId,
  claimVersion,
  refusal,
  nextId,
}: {
  claimId: string;
  claimVersion: number;
  refusal: string | null;
  nextId: string | null;
}) {
  const [state, action, pending] = useActionState(reviewAction, { status: 'idle' } as FormState);
  const t = useTranslations('reviewAction');
  // With the single keys switched off, the buttons neither show nor announce them.
  const keysOn = useReviewKeys();
  return (
    <form action={action} className="form narrow" noValidate aria-labelledby="decision-heading">
      <h2 id="decision-heading">Your decision</h2>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="claimVersion" value={claimVersion} />
      {nextId && <input type="hidden" name="next" value={nextId} />}
      {refusal ? (
        <p className="notice">{refusal}</p>
      ) : (
        <>
          <TextAreaField
            label="Comment (required to request changes)"
            name="comment"
            id="review-comment"
            rows={4}
            defaultValue={state.values?.comment}
            error={state.fieldErrors?.comment}
            aria-keyshortcuts="Control+Enter"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                document.getElementById('review-request-changes')?.click();
              }
            }}
          />
          <p className="field-hint">
            Your decision covers the claim exactly as shown. Ctrl+Enter in the comment requests changes.
          </p>
          <div className="step-buttons">
            <Button
              type="submit"
              name="decision"
              value="approve"
              disabled={pending}
              id="review-approve"
              aria-keyshortcuts={keysOn ? 'a' : undefined}
            >
              {t('approve')} {keysOn && <kbd aria-hidden="true">a</kbd>}
            </Button>
            <Button
              type="submit"
              name="decision"
              value="request_changes"
              variant="danger"
              disabled={pending}
              id="review-request-changes"
              aria-keyshortcuts={keysOn ? 'r' : undefined}
            >
              {t('request_changes')} {keysOn && <kbd aria-hidden="true">r</kbd>}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
