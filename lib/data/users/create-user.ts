import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { authorize, OPERATOR, type Actor, type Operator } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { AppError } from '@/lib/errors';
import type { CreateUserInput, UserDto } from '@/lib/validation/users';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { createPasswordLink } from './create-password-link';
import { toUserDto, userAuditView } from './user-dto';

/**
 * Creates a user with a password, or without one and with a one-time invitation link. An admin may; so may the
 * operator at the command line.
 */
export async function createUser(
  caller: Actor | null | Operator,
  input: CreateUserInput,
): Promise<UserDto & { invitationUrl: string | null }> {
  if (caller !== OPERATOR) authorize(caller, 'manageUsers');
  const actor = caller === OPERATOR ? null : caller;
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const taken = () =>
    new AppError('CONFLICT', 'A user with this email already exists.', [
      { path: 'email', message: 'This email is already taken.' },
    ]);
  // The check misses a user with this email created at the same moment (not yet committed): its insert then breaks
  // the unique index, which is the same answer.
  return db()
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email } })) throw taken();
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, roles: [...new Set(input.roles)], passwordHash },
      });
      const invitationUrl = passwordHash ? null : await createPasswordLink(tx, user.id, 'invitation');
      await recordAudit(tx, actor, {
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        after: userAuditView(user),
      });
      return { ...toUserDto(user), invitationUrl };
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err, 'email') ? taken() : err;
    });
}
