import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { getUser } from '@/lib/data/users/get-user';
import { updateUser } from '@/lib/data/users/update-user';

export const GET = apiRoute(operations.getUser, ({ actor, params }) => getUser(actor, params.id ?? ''));
export const PATCH = apiRoute(operations.updateUser, ({ actor, params, body }) =>
  updateUser(actor, params.id ?? '', body),
);
