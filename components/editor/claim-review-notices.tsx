import { useTranslations } from 'next-intl';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { Button } from '@/components/ui/button';

/** Typing in a claim under review or approved: it is saved only once the person agrees it goes back to draft. */
export function ConfirmBackToDraft({
  status,
  onKeepEditing,
  onCancel,
}: {
  status: ClaimDetailDto['status'];
  onKeepEditing: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations();
  return (
    <div className="notice claim-confirm" role="alert">
      <p>{t('claimReview.confirmEditing', { status })}</p>
      <div className="step-buttons">
        <Button onClick={onKeepEditing}>Keep editing</Button>
        <Button variant="tool" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** What the last review means for the draft: an approved claim edited back to draft, or the changes a reviewer asked. */
export function LastReviewNotice({ claim }: { claim: ClaimDetailDto }) {
  const t = useTranslations();
  const review = claim.lastReview;
  if (review && claim.status === 'DRAFT' && review.decision === 'approve') {
    return (
      <p className="notice">
        {t('claimReview.backToDraft', { reviewer: review.reviewer ?? 'a reviewer', version: review.claimVersion })}
      </p>
    );
  }
  if (review && claim.status === 'CHANGES_REQUESTED') {
    return (
      <p className="notice">
        {t('claimReview.changesAsked', { reviewer: review.reviewer ?? 'A reviewer', comment: review.comment ?? '' })}{' '}
        <a href="#claim-discussion-heading">Read and answer below</a>
      </p>
    );
  }
  return null;
}
