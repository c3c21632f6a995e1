import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';

/** The claim under discussion, if it and its article are not deleted (listing and adding comments share it). */
export async function findDiscussedClaim(id: string) {
  const claim = await db().claim.findFirst({ where: { id, deletedAt: null, article: { deletedAt: null } } });
  if (!claim) throw notFound('No claim with this id.');
  return claim;
}
