import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { setAssignment } from '@/lib/data/articles/assign-article';

export const PUT = apiRoute(operations.setAssignment, ({ actor, params, body }) =>
  setAssignment(actor, params.id ?? '', body),
);
