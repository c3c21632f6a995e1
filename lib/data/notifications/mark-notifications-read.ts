import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

export async function markNotificationsRead(actor: Actor | null, ids?: string[]): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to see your notifications.');
  await db().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
}
