import 'server-only';
import { claimReviews } from '@/lib/publishing/claim-review';
import { publicOrigin } from '@/lib/publishing/public-origin';
import type { PageQuery } from '@/lib/validation/common';
import { listStandingSnapshots } from './list-standing-snapshots';

/**
 * Every claim of every published (not retracted) fact-check as schema.org ClaimReview, from the latest
 * version of each, paged by article.
 */
export async function getClaimReviewFeed(query: PageQuery) {
  const rows = await listStandingSnapshots(query.limit + 1, query.cursor);
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const origin = publicOrigin();
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dateModified: new Date(Math.max(0, ...page.map((p) => p.publishedAt.getTime()))).toISOString(),
    dataFeedElement: page.flatMap((p) => claimReviews(p.snapshot, origin)),
    nextCursor: hasMore ? (page[page.length - 1]?.articleId ?? null) : null,
  };
}
