import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { updateRating } from '@/lib/data/ratings/update-rating';

export const PATCH = apiRoute(operations.updateRating, ({ actor, params, body }) =>
  updateRating(actor, params.id ?? '', body),
);
