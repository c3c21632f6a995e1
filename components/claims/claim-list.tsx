import { getTranslations } from 'next-intl/server';
import type { ClaimView } from '@/lib/validation/views';

/** The article's claims in document order, each with its state and rating in words, not colour alone. */
export async function ClaimList({ claims }: { claims: ClaimView[] }) {
  const t = await getTranslations();
  if (claims.length === 0) return <p>{t('article.noClaims')}</p>;
  return (
    <ol className="claim-list">
      {claims.map((claim) => (
        <li key={claim.id} className="claim-item" data-claim-id={claim.id} data-state={claim.state}>
          <blockquote className="claim-quote">{claim.exact}</blockquote>
          <dl className="claim-facts">
            {claim.claimantName && (
              <>
                <dt>{t('article.claimant')}</dt>
                <dd>
                  {claim.claimantName}
                  {claim.claimantRole && `, ${claim.claimantRole}`}
                </dd>
              </>
            )}
            <dt>{t('article.status')}</dt>
            <dd>{t(`claimStatus.${claim.state}`)}</dd>
            <dt>{t('article.rating')}</dt>
            <dd>
              {claim.rating ? (
                <span className="rating-chip" style={{ backgroundColor: claim.rating.colour }}>
                  {claim.rating.label}
                </span>
              ) : (
                t('article.noRating')
              )}
            </dd>
          </dl>
          {claim.shortVerdict && <p className="short-verdict">{claim.shortVerdict}</p>}
        </li>
      ))}
    </ol>
  );
}
