import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { findClaimsLike } from '@/lib/data/claim-memory/similar-claims';

export const POST = apiRoute(operations.similarToText, ({ actor, body }) =>
  findClaimsLike(actor, body.text, body.limit),
);
