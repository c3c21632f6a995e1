import 'server-only';
import { verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_SIGN_INS = 10;

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'throttled' };

/** True when the account or the address has failed ten times in fifteen minutes. */
export async function isSignInThrottled(email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db().signInAttempt.count({ where: { email, createdAt: { gte: since } } }),
    db().signInAttempt.count({ where: { ip, createdAt: { gte: since } } }),
  ]);
  return byEmail >= MAX_FAILED_SIGN_INS || byIp >= MAX_FAILED_SIGN_INS;
}

/**
 * Checks an email and password. Wrong email, wrong password and disabled account give the same
 * answer, so the form does not reveal which accounts exist.
 */
export async function checkCredentials(rawEmail: string, password: string, ip: string): Promise<CredentialCheck> {
  const email = rawEmail.trim().toLowerCase();
  if (await isSignInThrottled(email, ip)) return { ok: false, reason: 'throttled' };
  const user = await db().user.findUnique({ where: { email } });
  const isValid = !!user?.passwordHash && !user.disabled && (await verifyPassword(user.passwordHash, password));
  if (!user || !isValid) {
    await db().signInAttempt.create({ data: { email, ip } });
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** A user allowed to sign in through single sign-on: an existing, enabled account with this email. */
export async function findUserForSingleSignOn(email: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  return user && !user.disabled ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
}

/** The actor behind a session, or null when the user was disabled or the session ended since it was issued. */
export async function findSessionActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, via: 'session' };
}

/** Ends every session of the user (sign-out): JWTs issued before stop working. */
export async function endSessions(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
