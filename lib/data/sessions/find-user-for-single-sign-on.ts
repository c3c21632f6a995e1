import 'server-only';
import { db } from '@/lib/db';

/** A user allowed to sign in through single sign-on: an existing, enabled account with this email. */
export async function findUserForSingleSignOn(email: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  return user && !user.disabled
    ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
    : null;
}
