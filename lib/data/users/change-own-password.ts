import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';

/** A user changes their own password; every session, this one included, ends. */
export async function changeOwnPassword(
  actor: Actor | null,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to change your password.');
  const user = await db().user.findUnique({ where: { id: actor.id } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('UNPROCESSABLE', 'The current password is wrong.', [
      { path: 'currentPassword', message: 'This is not your current password.' },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, { action: 'user.password-change', entityType: 'User', entityId: actor.id });
  });
}
