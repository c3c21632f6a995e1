import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { createClaim } from '@/lib/data/claims/create-claim';
import { listClaims } from '@/lib/data/claims/list-claims';

export const GET = apiRoute(operations.listClaims, ({ actor, params, query }) =>
  listClaims(actor, params.id ?? '', { deleted: query.deleted === 'true' }),
);
export const POST = apiRoute(operations.createClaim, ({ actor, params, body }) =>
  createClaim(actor, params.id ?? '', body),
);
