import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { PageQuery } from '@/lib/validation/common';
import { pageArgs, toPage } from '@/lib/validation/paging';
import { toUserDto } from './user-dto';

export async function listUsers(actor: Actor | null, query: PageQuery) {
  authorize(actor, 'manageUsers');
  const rows = await db().user.findMany(pageArgs(query));
  return toPage(rows, query, toUserDto);
}
