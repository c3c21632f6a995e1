import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { claimReviews } from '@/lib/publishing/claim-review';
import { publicOrigin } from '@/lib/publishing/public-origin';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';
import { webAnnotations } from '@/lib/publishing/web-annotations';
import type { PageQuery } from '@/lib/validation/common';
import { listStandingSnapshots } from './reader';

/** A published version's claims as a W3C Web Annotation collection; public, like the version itself. */
export async function getPublicationAnnotations(publicationId: string) {
  const row = await db().publication.findUnique({ where: { id: publicationId }, select: { id: true, snapshot: true } });
  if (!row) throw notFound('No publication with this id.');
  return webAnnotations(row.snapshot as unknown as PublicationSnapshot, row.id, publicOrigin());
}

/**
 * Every claim of every published (not retracted) fact-check as schema.org ClaimReview, from the latest
 * version of each, paged by article.
 */
export async function claimReviewFeed(query: PageQuery) {
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
