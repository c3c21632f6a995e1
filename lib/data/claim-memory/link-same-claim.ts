import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { type SameClaimDto, listSameClaims } from './list-same-claims';

/** Records that `claimId` checks the same claim as `sameAsId` (once per pair, whichever way round). */
export async function linkSameClaim(actor: Actor | null, claimId: string, sameAsId: string): Promise<SameClaimDto[]> {
  authorize(actor, 'editArticles');
  if (claimId === sameAsId)
    throw new AppError('UNPROCESSABLE', 'A claim cannot be the same claim as itself.', [
      { path: 'claimId', message: 'Choose another claim.' },
    ]);
  await db().$transaction(async (tx) => {
    // One pair at a time, whichever way round: two clicks at once record it once (neither fails on the unique pair).
    const pair = [claimId, sameAsId].sort().join(' ');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claim-link ${pair}`}))`;
    const found = await tx.claim.findMany({
      where: { id: { in: [claimId, sameAsId] }, deletedAt: null },
      select: { id: true },
    });
    if (!found.some((c) => c.id === claimId)) throw notFound('No claim with this id.');
    if (!found.some((c) => c.id === sameAsId))
      throw new AppError('UNPROCESSABLE', 'No claim with this id.', [{ path: 'claimId', message: 'Unknown claim.' }]);
    const existing = await tx.claimLink.findFirst({
      where: {
        OR: [
          { claimId, sameAsId },
          { claimId: sameAsId, sameAsId: claimId },
        ],
      },
    });
    if (existing) return;
    await tx.claimLink.create({ data: { claimId, sameAsId, createdById: actor.id } });
    await recordAudit(tx, actor, {
      action: 'claim.same-as',
      entityType: 'Claim',
      entityId: claimId,
      after: { sameAsId },
    });
  });
  return listSameClaims(actor, claimId);
}
