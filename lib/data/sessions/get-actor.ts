import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { findSessionActor } from './find-session-actor';
import { auth } from './next-auth';
import { permissions, type Actor, type Permission } from '@/lib/auth/permissions';

/**
 * The signed-in actor of this request, checked against the database every time: a disabled user or
 * a session ended by sign-out or a password change stops working at once, though its JWT is still valid.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || session.sessionVersion === undefined) return null;
  return findSessionActor(id, session.sessionVersion);
});

/** For pages: sends visitors to sign in; a signed-in user without the permission sees 403. */
export async function requirePageActor(path: string, permission: Permission = 'readNewsroom'): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  const predicate = permissions[permission] as (a: Actor) => boolean;
  if (!predicate(actor)) redirect(`/forbidden?from=${encodeURIComponent(path)}`);
  return actor;
}
