import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { getUser, updateUser } from '@/lib/data/users/users';

export const GET = apiRoute(operations.getUser, ({ actor, params }) => getUser(actor, params.id ?? ''));
export const PATCH = apiRoute(operations.updateUser, ({ actor, params, body }) =>
  updateUser(actor, params.id ?? '', body),
);
