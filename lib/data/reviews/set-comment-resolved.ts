import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { toCommentDto } from './comment-dto';

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
