import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ClaimView } from '@/lib/validation/views';

/**
 * The article's claims in document order for those who read but do not edit it (reviewers): each with its state in
 * words and in the highlight's own style (not colour alone), its rating, its verdict, and the way to its review. The
 * claim named in the address (`?claim=`) is marked as the current one.
 */
export async function ClaimList({ claims, currentId }: { claims: ClaimView[]; currentId: string | null }) {
  const t = await getTranslations();
  if (claims.length === 0) return <p>{t('article.noClaims')}</p>;
  return (
    <ol className="claim-list" aria-label={t('article.claimsHeading')}>
      {claims.map((claim) => (
        <li
          key={claim.id}
          id={`claim-${claim.id}`}
          className="claim-item"
          data-claim-id={claim.id}
          data-state={claim.state}
          aria-current={claim.id === currentId ? 'true' : undefined}
        >
          <blockquote className="claim-quote">“{claim.exact}”</blockquote>
          <p className="claim-facts-line">
            {claim.claimantName && (
              <>
                {claim.claimantName}
                {claim.claimantRole && `, ${claim.claimantRole}`} ·{' '}
              </>
            )}
            <span className="visually-hidden">{t('article.status')}: </span>
            <mark className="claim claim-state" data-state={claim.state}>
              {t(`claimStatus.${claim.state}`)}
            </mark>{' '}
            ·{' '}
            {claim.rating ? (
              <span className="rating-chip" style={{ backgroundColor: claim.rating.colour }}>
                {claim.rating.label}
              </span>
            ) : (
              t('article.noRating')
            )}
          </p>
          {claim.shortVerdict && <p className="short-verdict">{claim.shortVerdict}</p>}
          <p className="claim-facts-line">
            <Link href={`/review/${claim.id}`}>
              {claim.state === 'IN_REVIEW' ? t('article.reviewClaim') : t('article.claimReview')}
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
