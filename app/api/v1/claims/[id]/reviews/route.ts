import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { reviewClaim } from '@/lib/data/claims/lifecycle';

export const POST = apiRoute(operations.reviewClaim, ({ actor, params, body }) =>
  reviewClaim(actor, params.id ?? '', body),
);
