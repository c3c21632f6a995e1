import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { unlinkSameClaim } from '@/lib/data/claim-memory/unlink-same-claim';

export const DELETE = apiRoute(operations.unlinkSameClaim, ({ actor, params }) =>
  unlinkSameClaim(actor, params.id ?? '', params.otherId ?? ''),
);
