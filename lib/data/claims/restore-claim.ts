import 'server-only';
import { findQuote } from '@/lib/anchoring/quote';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { addClaimMark } from '@/lib/editor/claim-marks';
import { notFound } from '@/lib/errors';
import type { ClaimDto } from '@/lib/validation/articles';
import { parseContent, syncClaims, writeArticleText } from '@/lib/data/articles/article-content';
import { claimInclude, toClaimDto } from './claim-dto';
import { restoreDetached } from './lifecycle';
import { lockedArticleOf } from './lock-claim-article';

/** How long a deleted claim can be restored (and is listed among the deleted ones). */
export const CLAIM_RESTORE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** Restores a claim deleted in the last 30 days: re-marked on its words if they are still there, else detached. */
export async function restoreClaim(actor: Actor | null, id: string): Promise<ClaimDto> {
  authorize(actor, 'editArticles');
  return db().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { id, deletedAt: { gte: new Date(Date.now() - CLAIM_RESTORE_WINDOW_MS) } },
    });
    if (!claim) throw notFound('No deleted claim with this id (claims can be restored for 30 days).');
    const article = await lockedArticleOf(tx, claim);
    if (article.deletedAt) throw notFound('No deleted claim with this id (claims can be restored for 30 days).');
    const match = findQuote(article.plainText, { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix });
    if (match.kind === 'found') {
      const doc = addClaimMark(parseContent(article.content), match.position, id);
      const { plain } = await syncClaims(tx, actor, claim.articleId, doc);
      await tx.article.update({
        where: { id: claim.articleId },
        data: { version: { increment: 1 }, updatedById: actor.id },
      });
      await writeArticleText(tx, claim.articleId, doc, plain);
    } else {
      await restoreDetached(tx, actor, claim);
    }
    return toClaimDto(await tx.claim.findUniqueOrThrow({ where: { id }, include: claimInclude }));
  });
}
