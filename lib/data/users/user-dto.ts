import 'server-only';
import type { User } from '@/lib/generated/prisma/client';
import type { UserDto } from '@/lib/validation/users';

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

/** What the audit log records of a user. */
export const userAuditView = (u: User) => ({ email: u.email, name: u.name, roles: u.roles, disabled: u.disabled });
