import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { changeReviewedContent } from '@/lib/data/claims/lifecycle';

export async function removeSource(actor: Actor | null, claimId: string, sourceId: string): Promise<void> {
  authorize(actor, 'editArticles');
  await db().$transaction(async (tx) => {
    await changeReviewedContent(tx, actor, claimId, async () => {
      const link = await tx.claimSource.findUnique({
        where: { claimId_sourceId: { claimId, sourceId } },
        select: { source: { select: { title: true, url: true } } },
      });
      const { count } = await tx.claimSource.deleteMany({ where: { claimId, sourceId } });
      if (count === 0 || !link) throw notFound('This source is not listed for the claim.');
      // The history names the source that was removed.
      await recordAudit(tx, actor, {
        action: 'source.remove',
        entityType: 'Claim',
        entityId: claimId,
        before: { sourceId, source: link.source.title, url: link.source.url },
      });
    });
  });
}
