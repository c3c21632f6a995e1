import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Where a notification leads: the claim itself, on the review page for reviews and discussion, else open in the editor. */
function notificationHref(n: { kind: string; claimId: string | null; articleId: string | null }): string | null {
  if (!n.claimId || !n.articleId) return null;
  if (n.kind === 'submitted') return `/review/${n.claimId}`;
  if (n.kind === 'comment') return `/review/${n.claimId}#comments-heading`;
  return `/articles/${n.articleId}?claim=${n.claimId}`;
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
