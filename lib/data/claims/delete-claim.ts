import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { liveCollab } from '@/lib/collab/live';
import { removeClaimMark } from '@/lib/editor/claim-marks-remove';
import { notFound } from '@/lib/errors';
import { parseContent, syncClaims, writeArticleText } from '@/lib/data/articles/article-content';
import { lockedArticleOf } from './lock-claim-article';

/** Deletes a claim and its highlight; it can be restored for 30 days. */
export async function deleteClaim(actor: Actor | null, id: string): Promise<void> {
  authorize(actor, 'editArticles');
  const deleted = await db().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id, deletedAt: null } });
    if (!claim) throw notFound('No claim with this id.');
    const article = await lockedArticleOf(tx, claim);
    if (article.deletedAt) throw notFound('No claim with this id.');
    const doc = removeClaimMark(parseContent(article.content), id);
    const { plain } = await syncClaims(tx, actor, claim.articleId, doc, [id]);
    await tx.article.update({
      where: { id: claim.articleId },
      data: { version: { increment: 1 }, updatedById: actor.id },
    });
    await writeArticleText(tx, claim.articleId, doc, plain);
    return { articleId: claim.articleId, version: article.version + 1 };
  });
  await liveCollab()?.changeClaimMark(deleted.articleId, { claimId: id, quote: null }, actor, deleted.version);
}
