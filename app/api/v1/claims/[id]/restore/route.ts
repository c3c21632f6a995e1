import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { restoreClaim } from '@/lib/data/claims/restore-claim';

export const POST = apiRoute(operations.restoreClaim, ({ actor, params }) => restoreClaim(actor, params.id ?? ''));
