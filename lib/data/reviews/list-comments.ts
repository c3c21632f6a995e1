import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { toCommentDto } from './comment-dto';

/** The claim under discussion, if it and its article are not deleted. */
export async function claimOrThrow(id: string) {
  const claim = await db().claim.findFirst({ where: { id, deletedAt: null, article: { deletedAt: null } } });
  if (!claim) throw notFound('No claim with this id.');
  return claim;
}

/** The claim's discussion, oldest first. */
export async function listComments(actor: Actor | null, claimId: string) {
  authorize(actor, 'readNewsroom');
  await claimOrThrow(claimId);
  const rows = await db().comment.findMany({
    where: { claimId },
    orderBy: { createdAt: 'asc' },
    include: { author: { select: { id: true, name: true } } },
  });
  return { items: rows.map(toCommentDto), nextCursor: null };
}
