import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { AppError, notFound } from '@/lib/errors';
import type { User } from '@/lib/generated/prisma/client';
import type { PageQuery } from '@/lib/validation/common';
import type { CreateUserInput, UpdateUserInput, UserDto } from '@/lib/validation/users';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { pageArgs, toPage } from '@/lib/api/paging';
import { createPasswordLink } from './password-links';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}

const auditView = (u: User) => ({ email: u.email, name: u.name, roles: u.roles, disabled: u.disabled });

export async function listUsers(actor: Actor | null, query: PageQuery) {
  authorize(actor, 'manageUsers');
  const rows = await db().user.findMany(pageArgs(query));
  return toPage(rows, query, toUserDto);
}

export async function getUser(actor: Actor | null, id: string): Promise<UserDto> {
  authorize(actor, 'manageUsers');
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw notFound('No user with this id.');
  return toUserDto(user);
}

/** Creates a user with a password, or without one and with a one-time invitation link. */
export async function createUser(
  actor: Actor | null,
  input: CreateUserInput,
): Promise<UserDto & { invitationUrl: string | null }> {
  authorize(actor, 'manageUsers');
  return createUserAsOperator(actor, input);
}

/** For the command line, which runs with the operator's rights on the server: no actor to check. */
export async function createUserAsOperator(actor: Actor | null, input: CreateUserInput) {
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
        after: auditView(user),
      });
      return { ...toUserDto(user), invitationUrl };
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err, 'email') ? taken() : err;
    });
}

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
      before: auditView(before),
      after: { ...auditView(user), ...(revoked ? { tokensRevoked: revoked.count } : {}) },
    });
    return toUserDto(user);
  });
}

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
