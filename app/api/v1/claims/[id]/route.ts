import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { deleteClaim, getClaim } from '@/lib/data/claims';

export const GET = apiRoute(operations.getClaim, ({ actor, params }) => getClaim(actor, params.id ?? ''));
export const DELETE = apiRoute(operations.deleteClaim, ({ actor, params }) => deleteClaim(actor, params.id ?? ''));
