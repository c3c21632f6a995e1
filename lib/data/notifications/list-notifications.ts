import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { PageQuery } from '@/lib/validation/common';
import { pageArgs, toPage } from '@/lib/validation/paging';
import type { NotificationKind } from './notify';

const texts: Record<NotificationKind, string> = {
  submitted: 'submitted a claim for your review',
  approved: 'approved your claim',
  changes_requested: 'asked for changes to your claim',
  comment: 'commented on a claim',
};

/** The actor's notifications, newest first, a page at a time, and how many are unread in all. */
export async function listNotifications(actor: Actor | null, query: PageQuery = { limit: 50 }) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to see your notifications.');
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where: { userId: actor.id },
      ...pageArgs(query),
      include: { actor: { select: { name: true } }, claim: { select: { articleId: true, exact: true } } },
    }),
    db().notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  const page = toPage(rows, query, (n) => ({
    id: n.id,
    kind: n.kind as NotificationKind,
    claimId: n.claimId,
    articleId: n.claim?.articleId ?? null,
    text: `${n.actor?.name ?? 'Someone'} ${texts[n.kind as NotificationKind] ?? n.kind}${n.claim ? `: “${n.claim.exact.slice(0, 80)}”` : ''}`,
    actor: n.actor?.name ?? null,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  }));
  return { ...page, unread };
}
