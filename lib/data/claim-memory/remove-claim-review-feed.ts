import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';

/** Stops refreshing a feed; the claims it imported stay (they are other fact-checkers' published work). */
export async function removeClaimReviewFeed(actor: Actor | null, id: string): Promise<void> {
  authorize(actor, 'manageClaimReviewFeeds');
  await db().$transaction(async (tx) => {
    const feed = await tx.claimReviewFeed.findUnique({ where: { id } });
    if (!feed) throw notFound('No feed with this id.');
    await tx.claimReviewFeed.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: 'claimreview-feed.removed',
      entityType: 'ClaimReviewFeed',
      entityId: id,
      before: { url: feed.url },
    });
  });
}
