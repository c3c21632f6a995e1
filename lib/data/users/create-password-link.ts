import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { sha256 } from '@/lib/auth/token-hash';

const LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A one-time link (invitation or reset) that sets the user's password; earlier unused links stop working. */
export async function createPasswordLink(tx: Tx, userId: string, purpose: 'invitation' | 'reset'): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordToken.create({
    data: { userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + LINK_LIFETIME_MS) },
  });
  return `/set-password?token=${token}`;
}
