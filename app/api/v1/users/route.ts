import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { createUser } from '@/lib/data/users/create-user';
import { listUsers } from '@/lib/data/users/list-users';

export const GET = apiRoute(operations.listUsers, ({ actor, query }) => listUsers(actor, query));
export const POST = apiRoute(operations.createUser, ({ actor, body }) => createUser(actor, body));
