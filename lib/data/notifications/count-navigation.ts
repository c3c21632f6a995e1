import 'server-only';
import { permissions, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

/** The counts the navigation shows: unread notifications, and claims waiting for review (reviewers). */
export async function navigationCounts(actor: Actor): Promise<{ unread: number; inReview: number }> {
  const [unread, inReview] = await Promise.all([
    db().notification.count({ where: { userId: actor.id, readAt: null } }),
    permissions.reviewClaims(actor)
      ? db().claim.count({ where: { status: 'IN_REVIEW', deletedAt: null, article: { deletedAt: null } } })
      : Promise.resolve(0),
  ]);
  return { unread, inReview };
}
