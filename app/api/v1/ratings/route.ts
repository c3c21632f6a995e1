import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { createRating } from '@/lib/data/ratings/create-rating';
import { listRatings } from '@/lib/data/ratings/list-ratings';

export const GET = apiRoute(operations.listRatings, () => listRatings());
export const POST = apiRoute(operations.createRating, ({ actor, body }) => createRating(actor, body));
