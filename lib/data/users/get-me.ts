import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

export async function getMe(actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token.');
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    createdAt: user.createdAt.toISOString(),
    authenticatedVia: actor.via,
  };
}
