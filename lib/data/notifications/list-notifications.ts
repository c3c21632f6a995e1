import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { NotificationKind } from './notify';

const texts: Record<NotificationKind, string> = {
  submitted: 'submitted a claim for your review',
  approved: 'approved your claim',
  changes_requested: 'asked for changes to your claim',
  comment: 'commented on a claim',
};

export async function listNotifications(actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to see your notifications.');
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where: { userId: actor.id },
      orderBy: { createdAt: 'desc' },
      take: 100,
      include: { actor: { select: { name: true } }, claim: { select: { articleId: true, exact: true } } },
    }),
    db().notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind as NotificationKind,
      claimId: n.claimId,
      articleId: n.claim?.articleId ?? null,
      text: `${n.actor?.name ?? 'Someone'} ${texts[n.kind as NotificationKind] ?? n.kind}${n.claim ? `: “${n.claim.exact.slice(0, 80)}”` : ''}`,
      actor: n.actor?.name ?? null,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
    nextCursor: null,
    unread,
  };
}
