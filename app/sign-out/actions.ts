'use server';

import { signOut } from '@/lib/auth/next-auth';
import { getActor } from '@/lib/auth/session';
import { endSessions } from '@/lib/data/sessions/sessions';

/** Signs out everywhere: the session version moves on, so copies of this session's cookie stop working too. */
export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await endSessions(actor.id);
  await signOut({ redirectTo: '/' });
}
