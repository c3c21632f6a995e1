import type { PublicationSnapshot } from './snapshot';

/**
 * schema.org ClaimReview for each claim of the latest version, with the properties Google documents as
 * required or recommended. Ratings outside the ordinal scale carry only their label (alternateName).
 */
export function claimReviews(s: PublicationSnapshot, origin: string) {
  const page = `${origin}/a/${s.article.slug}`;
  const author = {
    '@type': 'Organization',
    name: s.organisation.name,
    ...(s.organisation.url ? { url: s.organisation.url } : {}),
  };
  return s.claims.map((c) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${page}#claim-${c.id}`,
    claimReviewed: c.claimReviewed,
    author,
    datePublished: s.publishedAt.slice(0, 10),
    reviewRating: {
      '@type': 'Rating',
      alternateName: c.rating.label,
      ...(c.rating.value !== null && s.scale.bestRating !== null && s.scale.worstRating !== null
        ? { ratingValue: c.rating.value, bestRating: s.scale.bestRating, worstRating: s.scale.worstRating }
        : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(c.claimant
        ? { author: { '@type': 'Person', name: c.claimant, ...(c.claimantRole ? { jobTitle: c.claimantRole } : {}) } }
        : {}),
      ...(c.claimDate ? { datePublished: c.claimDate.slice(0, 10) } : {}),
      ...(c.appearanceUrl ? { appearance: { '@type': 'CreativeWork', url: c.appearanceUrl } } : {}),
    },
  }));
}

/** JSON for a <script type="application/ld+json"> block: "<" escaped so no text can close the element. */
export function jsonLdBlock(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
