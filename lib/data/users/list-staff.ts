import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';

/** Active staff, for assignment pickers. */
export async function listStaff(actor: Actor | null) {
  authorize(actor, 'readNewsroom');
  const users = await db().user.findMany({
    where: { disabled: false },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, roles: true },
  });
  return users;
}
