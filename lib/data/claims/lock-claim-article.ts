import 'server-only';
import type { Tx } from '@/lib/db';

/**
 * The article a claim belongs to, its row locked and read after the lock: a save of the article running at
 * the same time finishes first, and the change made here is applied to the text it saved, not an older one.
 */
export async function lockedArticleOf(tx: Tx, claim: { articleId: string }) {
  await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${claim.articleId} FOR UPDATE`;
  return tx.article.findUniqueOrThrow({ where: { id: claim.articleId } });
}
