import 'server-only';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import { hasBadText } from '@/lib/validation/text';
import { reserveSignInAttempt } from './reserve-sign-in-attempt';

const MAX_EMAIL_LENGTH = 320;

export type CredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'throttled' };

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
