import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { createRating, listRatings } from '@/lib/data/ratings/ratings';

export const GET = apiRoute(operations.listRatings, () => listRatings());
export const POST = apiRoute(operations.createRating, ({ actor, body }) => createRating(actor, body));
