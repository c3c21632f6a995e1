import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { linkSameClaim } from '@/lib/data/claim-memory/link-same-claim';
import { listSameClaims } from '@/lib/data/claim-memory/list-same-claims';

export const GET = apiRoute(operations.listSameClaims, async ({ actor, params }) => ({
  items: await listSameClaims(actor, params.id ?? ''),
}));
export const POST = apiRoute(operations.linkSameClaim, async ({ actor, params, body }) => ({
  items: await linkSameClaim(actor, params.id ?? '', body.claimId),
}));
