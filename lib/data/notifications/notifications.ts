import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

export type NotificationKind = 'submitted' | 'approved' | 'changes_requested' | 'comment';

const texts: Record<NotificationKind, string> = {
  submitted: 'submitted a claim for your review',
  approved: 'approved your claim',
  changes_requested: 'asked for changes to your claim',
  comment: 'commented on a claim',
};

/** Notifies each recipient (never the actor) in the caller's transaction. */
export async function notify(
  tx: Tx,
  actor: Actor,
  kind: NotificationKind,
  claimId: string,
  recipients: (string | null | undefined)[],
): Promise<void> {
  const unique = [...new Set(recipients.filter((r): r is string => !!r && r !== actor.id))];
  if (unique.length === 0) return;
  await tx.notification.createMany({ data: unique.map((userId) => ({ userId, kind, claimId, actorId: actor.id })) });
}

/** Where a notification leads: the claim itself, on the review page for reviews and discussion, else open in the editor. */
export function notificationHref(n: { kind: string; claimId: string | null; articleId: string | null }): string | null {
  if (!n.claimId || !n.articleId) return null;
  if (n.kind === 'submitted') return `/review/${n.claimId}`;
  if (n.kind === 'comment') return `/review/${n.claimId}#comments-heading`;
  return `/articles/${n.articleId}?claim=${n.claimId}`;
}

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

export async function countUnread(actor: Actor): Promise<number> {
  return db().notification.count({ where: { userId: actor.id, readAt: null } });
}

/** Opens one of the actor's notifications: it is marked read, and where it leads is returned (null when its claim is gone). */
export async function openNotification(actor: Actor | null, id: string): Promise<string | null> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to see your notifications.');
  const row = await db().notification.findFirst({
    where: { id, userId: actor.id },
    include: { claim: { select: { articleId: true, deletedAt: true } } },
  });
  if (!row) throw new AppError('NOT_FOUND', 'No notification with this id.');
  if (row.readAt === null) await db().notification.update({ where: { id }, data: { readAt: new Date() } });
  return row.claim && !row.claim.deletedAt
    ? notificationHref({ kind: row.kind, claimId: row.claimId, articleId: row.claim.articleId })
    : null;
}

export async function markNotificationsRead(actor: Actor | null, ids?: string[]): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to see your notifications.');
  await db().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
}
