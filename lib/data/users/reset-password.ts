import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { createPasswordLink } from './create-password-link';

/**
 * An admin resets a password: the old one stops working, sessions end, and a one-time link sets a new one.
 * API tokens keep working: they belong to integrations, and disabling the user is what stops those.
 */
export async function resetPassword(actor: Actor | null, id: string): Promise<{ resetUrl: string }> {
  authorize(actor, 'manageUsers');
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw notFound('No user with this id.');
    await tx.user.update({ where: { id }, data: { passwordHash: null, sessionVersion: { increment: 1 } } });
    const resetUrl = await createPasswordLink(tx, id, 'reset');
    await recordAudit(tx, actor, { action: 'user.password-reset', entityType: 'User', entityId: id });
    return { resetUrl };
  });
}
