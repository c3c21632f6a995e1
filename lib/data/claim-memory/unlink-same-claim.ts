import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';

/** Removes the "same claim" record between the two claims, whichever way round it was made. */
export async function unlinkSameClaim(actor: Actor | null, claimId: string, otherId: string): Promise<void> {
  authorize(actor, 'editArticles');
  await db().$transaction(async (tx) => {
    const { count } = await tx.claimLink.deleteMany({
      where: {
        OR: [
          { claimId, sameAsId: otherId },
          { claimId: otherId, sameAsId: claimId },
        ],
      },
    });
    if (count === 0) throw notFound('These claims are not recorded as the same claim.');
    await recordAudit(tx, actor, {
      action: 'claim.same-as-removed',
      entityType: 'Claim',
      entityId: claimId,
      before: { sameAsId: otherId },
    });
  });
}
