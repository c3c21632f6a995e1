import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { sqlTransaction } from '@/lib/db/sql';
import { hasBadText } from '@/lib/validation/text';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_SIGN_INS = 10;
const MAX_EMAIL_LENGTH = 320;

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Records a sign-in attempt unless the account or the address already has ten in the window, as one
 * decision: advisory locks per account and per address (always in that order, so no deadlock) make
 * concurrent attempts take turns, so no more than ten are ever let through to the password check.
 * The id of the recorded attempt, or null when throttled.
 */
export async function reserveSignInAttempt(email: string, ip: string): Promise<string | null> {
  return sqlTransaction(async (client) => {
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('factmark.sign-in.email:' || $1, 0)),
              pg_advisory_xact_lock(hashtextextended('factmark.sign-in.ip:' || $2, 0))`,
      [email, ip],
    );
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "SignInAttempt" (id, email, ip, "createdAt")
       SELECT $1, $2, $3, now() AT TIME ZONE 'UTC'
       WHERE (SELECT count(*) FROM "SignInAttempt" WHERE email = $2 AND "createdAt" >= now() AT TIME ZONE 'UTC' - make_interval(secs => $4)) < $5
         AND (SELECT count(*) FROM "SignInAttempt" WHERE ip = $3 AND "createdAt" >= now() AT TIME ZONE 'UTC' - make_interval(secs => $4)) < $5
       RETURNING id`,
      [randomUUID(), email, ip, SIGN_IN_WINDOW_MS / 1000, MAX_FAILED_SIGN_INS],
    );
    return rows[0]?.id ?? null;
  });
}

let dummyHash: Promise<string> | undefined;
/** A hash of a random password made like real ones, verified for unknown and disabled accounts so they take as long. */
export const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(24).toString('base64url')));

/**
 * Checks an email and password. Wrong email, wrong password and disabled account give the same
 * answer in the same time (an Argon2 verification each), so the form does not reveal which accounts
 * exist. Every attempt counts against the limit until it succeeds. `verify` is the real verifier;
 * a test passes a wrapper around it to see which hash each path checks.
 */
export async function checkCredentials(
  rawEmail: string,
  password: string,
  ip: string,
  verify = verifyPassword,
): Promise<CredentialCheck> {
  const email = rawEmail.trim().toLowerCase();
  // No account has such an address (RFC 5321 allows 254 characters); nothing is stored or looked up for it.
  if (email.length > MAX_EMAIL_LENGTH || hasBadText(email) || /[\u0000-\u001f\u007f]/.test(email))
    return { ok: false, reason: 'invalid' };
  const attemptId = await reserveSignInAttempt(email, ip);
  if (!attemptId) return { ok: false, reason: 'throttled' };
  const user = await db().user.findUnique({ where: { email } });
  const usable = user?.passwordHash && !user.disabled ? user.passwordHash : null;
  const matches = await verify(usable ?? (await dummyPasswordHash()), password);
  if (!user || !usable || !matches) return { ok: false, reason: 'invalid' };
  await db().signInAttempt.delete({ where: { id: attemptId } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** A user allowed to sign in through single sign-on: an existing, enabled account with this email. */
export async function findUserForSingleSignOn(email: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  return user && !user.disabled
    ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
    : null;
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
