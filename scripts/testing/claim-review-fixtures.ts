// ClaimReview documents as fact-checkers publish them, for the import tests.

/** A schema.org ClaimReview by a fictional publisher, rated `label`. */
export const claimReview = (url: string, claim: string, label = 'False', extra: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url,
  claimReviewed: claim,
  author: { '@type': 'Organization', name: 'Harbour Checks', url: 'https://harbour-checks.example/' },
  datePublished: '2026-03-02',
  reviewRating: { '@type': 'Rating', alternateName: label },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Mayor Ilse Brandt' } },
  ...extra,
});
