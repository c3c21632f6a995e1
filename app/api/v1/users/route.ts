import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { createUser, listUsers } from '@/lib/data/users/users';

export const GET = apiRoute(operations.listUsers, ({ actor, query }) => listUsers(actor, query));
export const POST = apiRoute(operations.createUser, ({ actor, body }) => createUser(actor, body));
