import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { updateRating } from '@/lib/data/ratings/ratings';

export const PATCH = apiRoute(operations.updateRating, ({ actor, params, body }) =>
  updateRating(actor, params.id ?? '', body),
);
