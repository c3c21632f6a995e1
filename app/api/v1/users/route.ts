import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { createUser, listUsers } from '@/lib/data/users';
import { pageQuery } from '@/lib/validation/common';

export const GET = apiRoute({ ...operations.listUsers, query: pageQuery }, ({ actor, query }) => listUsers(actor, query));
export const POST = apiRoute(operations.createUser, ({ actor, body }) => createUser(actor, body));
