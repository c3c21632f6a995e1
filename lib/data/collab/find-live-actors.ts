import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

/**
 * The users as they are now (roles read again), by id; disabled or deleted users are absent. The collaboration
 * server compares these with the actors its sockets were opened for: a role removed takes effect on open sockets.
 */
export async function findLiveActors(userIds: readonly string[]): Promise<Map<string, Actor>> {
  if (userIds.length === 0) return new Map();
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(userIds)] }, disabled: false },
    select: { id: true, email: true, name: true, roles: true },
  });
  return new Map(users.map((u) => [u.id, { ...u, via: 'session' as const }]));
}
