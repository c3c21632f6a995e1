import 'server-only';
import { db } from '@/lib/db';

/** Of these sessions, the ids of users whose session ended (signed out, password changed) or who were disabled. */
export async function findEndedSessions(
  sessions: readonly { userId: string; sessionVersion: number }[],
): Promise<Set<string>> {
  if (sessions.length === 0) return new Set();
  const users = await db().user.findMany({
    where: { id: { in: sessions.map((s) => s.userId) } },
    select: { id: true, disabled: true, sessionVersion: true },
  });
  const live = new Map(users.filter((u) => !u.disabled).map((u) => [u.id, u.sessionVersion]));
  return new Set(sessions.filter((s) => live.get(s.userId) !== s.sessionVersion).map((s) => s.userId));
}
