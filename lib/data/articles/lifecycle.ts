import 'server-only';
import type { Tx } from '@/lib/db';

/**
 * An article's public state, in one place: draft until its first publication, published, retracted by a
 * retraction, published again by a new version (which lifts the retraction). Publishing and retracting call
 * these in their transactions; nothing else sets an article's `status`. Which version stands and whether a
 * retraction holds is lib/publishing/publication-state.ts, read over `publicationStateSelect`.
 */
export const publicationStateSelect = {
  publications: { orderBy: { number: 'desc' }, take: 1, select: { number: true, publishedAt: true } },
  retractions: { orderBy: { createdAt: 'desc' }, take: 1, select: { reason: true, createdAt: true } },
} as const;

/** A new version went out: the article is published (a standing retraction is lifted by it). */
export async function markArticlePublished(tx: Tx, articleId: string): Promise<void> {
  await tx.article.update({ where: { id: articleId }, data: { status: 'PUBLISHED' } });
}

/** A retraction was recorded on the latest version: the article is retracted until it is published again. */
export async function markArticleRetracted(tx: Tx, articleId: string): Promise<void> {
  await tx.article.update({ where: { id: articleId }, data: { status: 'RETRACTED' } });
}
