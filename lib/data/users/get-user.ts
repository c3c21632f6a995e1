import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { UserDto } from '@/lib/validation/users';
import { toUserDto } from './user-dto';

export async function getUser(actor: Actor | null, id: string): Promise<UserDto> {
  authorize(actor, 'manageUsers');
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw notFound('No user with this id.');
  return toUserDto(user);
}
