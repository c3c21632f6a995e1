import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { claimDetailInclude, toClaimDetailDto } from './claim-detail-dto';

export async function getClaimDetail(actor: Actor | null, id: string): Promise<ClaimDetailDto> {
  authorize(actor, 'readNewsroom');
  const claim = await db().claim.findFirst({
    where: { id, deletedAt: null, article: { deletedAt: null } },
    include: claimDetailInclude,
  });
  if (!claim) throw notFound('No claim with this id.');
  return toClaimDetailDto(claim);
}
