import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { announceClaimChange } from '@/lib/collab/live';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { Comment } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { notify } from '@/lib/data/notifications/notifications';

type Row = Comment & { author: { id: string; name: string } | null };
const toCommentDto = (c: Row) => ({
  id: c.id,
  claimId: c.claimId,
  parentId: c.parentId,
  body: c.body,
  author: c.author,
  resolved: c.resolvedAt !== null,
  createdAt: c.createdAt.toISOString(),
});

async function claimOrThrow(id: string) {
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

export async function addComment(actor: Actor | null, claimId: string, input: { body: string; parentId?: string }) {
  authorize(actor, 'comment');
  const claim = await claimOrThrow(claimId);
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

export async function setCommentResolved(actor: Actor | null, id: string, resolved: boolean) {
  authorize(actor, 'comment');
  return db().$transaction(async (tx) => {
    const existing = await tx.comment.findFirst({ where: { id, claim: { deletedAt: null } } });
    if (!existing) throw notFound('No comment with this id.');
    const comment = await tx.comment.update({
      where: { id },
      data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null },
      include: { author: { select: { id: true, name: true } } },
    });
    await recordAudit(tx, actor, {
      action: resolved ? 'comment.resolve' : 'comment.reopen',
      entityType: 'Claim',
      entityId: existing.claimId,
      after: { commentId: id },
    });
    return toCommentDto(comment);
  });
}
