import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

/** The actor behind a session, or null when the user was disabled or the session ended since it was issued. */
export async function findSessionActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, via: 'session' };
}
