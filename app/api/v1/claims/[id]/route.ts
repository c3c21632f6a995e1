import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { updateClaim } from '@/lib/data/claims/update-claim';
import { getClaimDetail } from '@/lib/data/claims/get-claim-detail';
import { deleteClaim } from '@/lib/data/claims/delete-claim';

export const GET = apiRoute(operations.getClaim, ({ actor, params }) => getClaimDetail(actor, params.id ?? ''));
export const PATCH = apiRoute(operations.updateClaim, ({ actor, params, body }) =>
  updateClaim(actor, params.id ?? '', body),
);
export const DELETE = apiRoute(operations.deleteClaim, ({ actor, params }) => deleteClaim(actor, params.id ?? ''));
