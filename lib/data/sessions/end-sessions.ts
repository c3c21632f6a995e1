import 'server-only';
import { db } from '@/lib/db';

/** Ends every session of the user (sign-out): JWTs issued before stop working. */
export async function endSessions(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
