import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { sha256 } from '@/lib/auth/token-hash';

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
