import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';

const LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A one-time link (invitation or reset) that sets the user's password; earlier unused links stop working. */
export async function createPasswordLink(tx: Tx, userId: string, purpose: 'invitation' | 'reset'): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordToken.create({
    data: { userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + LINK_LIFETIME_MS) },
  });
  return `/set-password?token=${token}`;
}

export async function findPasswordLink(token: string): Promise<{ email: string; purpose: string } | null> {
  const link = await db().passwordToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!link || link.usedAt || link.expiresAt < new Date() || link.user.disabled) return null;
  return { email: link.user.email, purpose: link.purpose };
}

/** Sets the password from a link; the link is used up and every existing session ends. */
export async function setPasswordFromLink(token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const link = await tx.passwordToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
    if (!link || link.usedAt || link.expiresAt < new Date() || link.user.disabled) {
      throw new AppError('NOT_FOUND', 'This link has expired or was already used. Ask an admin for a new one.');
    }
    // Used only where still unused: the same link used at the same moment by another request sets it once.
    const { count } = await tx.passwordToken.updateMany({
      where: { id: link.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 0)
      throw new AppError('NOT_FOUND', 'This link has expired or was already used. Ask an admin for a new one.');
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, null, {
      action: `password.set-from-${link.purpose}`,
      entityType: 'User',
      entityId: link.userId,
    });
  });
}
