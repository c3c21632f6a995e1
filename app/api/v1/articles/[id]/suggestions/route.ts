import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { suggestArticleClaims } from '@/lib/data/claim-memory/suggestions';

export const GET = apiRoute(operations.suggestClaims, ({ actor, params, query }) =>
  suggestArticleClaims(actor, params.id ?? '', query.limit),
);
