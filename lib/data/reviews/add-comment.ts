import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { announceClaimChange } from '@/lib/collab/live';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { notify } from '@/lib/data/notifications/notify';
import { toCommentDto } from './comment-dto';
import { findDiscussedClaim } from './find-discussed-claim';

export async function addComment(actor: Actor | null, claimId: string, input: { body: string; parentId?: string }) {
  authorize(actor, 'comment');
  const claim = await findDiscussedClaim(claimId);
  const added = await db().$transaction(async (tx) => {
    if (input.parentId && !(await tx.comment.findFirst({ where: { id: input.parentId, claimId } })))
      throw notFound('No comment to reply to with this id.');
    const comment = await tx.comment.create({
      data: { claimId, authorId: actor.id, body: input.body, parentId: input.parentId ?? null },
      include: { author: { select: { id: true, name: true } } },
    });
    const earlier = await tx.comment.findMany({ where: { claimId }, select: { authorId: true } });
    const reviewers = await tx.review.findMany({ where: { claimId }, select: { reviewerId: true } });
    await notify(tx, actor, 'comment', claimId, [
      claim.updatedById,
      claim.createdById,
      ...earlier.map((c) => c.authorId),
      ...reviewers.map((r) => r.reviewerId),
    ]);
    await recordAudit(tx, actor, {
      action: 'comment.create',
      entityType: 'Claim',
      entityId: claimId,
      after: { commentId: comment.id, body: input.body },
    });
    return toCommentDto(comment);
  });
  announceClaimChange(claimId);
  return added;
}
