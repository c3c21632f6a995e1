import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { claimReviews } from '@/lib/publishing/claim-review';
import { publicOrigin } from '@/lib/publishing/public-origin';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';
import { webAnnotations } from '@/lib/publishing/web-annotations';
import type { PageQuery } from '@/lib/validation/common';

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
  const rows = await db().article.findMany({
    where: { status: 'PUBLISHED', deletedAt: null, publications: { some: {} } },
    orderBy: { id: 'asc' },
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: { id: true, publications: { orderBy: { number: 'desc' }, take: 1, select: { snapshot: true, publishedAt: true } } },
  });
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const origin = publicOrigin();
  const latest = page.flatMap((a) => a.publications);
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dateModified: new Date(Math.max(0, ...latest.map((p) => p.publishedAt.getTime()))).toISOString(),
    dataFeedElement: latest.flatMap((p) => claimReviews(p.snapshot as unknown as PublicationSnapshot, origin)),
    nextCursor: hasMore ? (page[page.length - 1]?.id ?? null) : null,
  };
}
