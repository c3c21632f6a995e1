import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { toCommentDto } from './comment-dto';
import { findDiscussedClaim } from './find-discussed-claim';

/** The claim's discussion, oldest first. */
export async function listComments(actor: Actor | null, claimId: string) {
  authorize(actor, 'readNewsroom');
  await findDiscussedClaim(claimId);
  const rows = await db().comment.findMany({
    where: { claimId },
    orderBy: { createdAt: 'asc' },
    include: { author: { select: { id: true, name: true } } },
  });
  return { items: rows.map(toCommentDto), nextCursor: null };
}
