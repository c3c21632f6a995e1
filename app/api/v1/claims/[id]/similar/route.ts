import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { findSimilarClaims } from '@/lib/data/claim-memory/similar-claims';

export const GET = apiRoute(operations.similarClaims, ({ actor, params, query }) =>
  findSimilarClaims(actor, params.id ?? '', query.limit),
);
