import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { submitClaim } from '@/lib/data/claims/lifecycle';

export const POST = apiRoute(operations.submitClaim, ({ actor, params }) => submitClaim(actor, params.id ?? ''));
