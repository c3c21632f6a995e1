import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { ClaimDto } from '@/lib/validation/articles';
import { claimInclude, toClaimDto } from './claim-dto';

export async function getClaim(actor: Actor | null, id: string): Promise<ClaimDto> {
  authorize(actor, 'readNewsroom');
  const claim = await db().claim.findFirst({
    where: { id, deletedAt: null, article: { deletedAt: null } },
    include: claimInclude,
  });
  if (!claim) throw notFound('No claim with this id.');
  return toClaimDto(claim);
}
