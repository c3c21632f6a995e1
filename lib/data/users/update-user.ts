import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import type { UpdateUserInput, UserDto } from '@/lib/validation/users';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { toUserDto, userAuditView } from './user-dto';

export async function updateUser(actor: Actor | null, id: string, input: UpdateUserInput): Promise<UserDto> {
  authorize(actor, 'manageUsers');
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw notFound('No user with this id.');
    if (before.id === actor.id && (input.disabled === true || (input.roles && !input.roles.includes('ADMIN')))) {
      throw new AppError('UNPROCESSABLE', 'You cannot disable yourself or remove your own admin role.', [
        { path: input.disabled === true ? 'disabled' : 'roles', message: 'Ask another admin to do this.' },
      ]);
    }
    const isDisabling = input.disabled === true && !before.disabled;
    const user = await tx.user.update({
      where: { id },
      data: {
        name: input.name,
        roles: input.roles ? [...new Set(input.roles)] : undefined,
        disabled: input.disabled,
        // Disabling ends every session at once: JWTs carry the old version.
        sessionVersion: isDisabling ? { increment: 1 } : undefined,
      },
    });
    // Disabling revokes every token for good: enabling the user again brings none back (they make new ones).
    // Enabling revokes too: a token still live then predates the disabling (made before this rule existed).
    const isEnabling = input.disabled === false && before.disabled;
    const revoked =
      isDisabling || isEnabling
        ? await tx.apiToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } })
        : null;
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'User',
      entityId: id,
      before: userAuditView(before),
      after: { ...userAuditView(user), ...(revoked ? { tokensRevoked: revoked.count } : {}) },
    });
    return toUserDto(user);
  });
}
