import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { removeSource } from '@/lib/data/sources/remove-source';
import { updateSource } from '@/lib/data/sources/update-source';

export const PATCH = apiRoute(operations.updateSource, ({ actor, params, body }) =>
  updateSource(actor, params.id ?? '', params.sourceId ?? '', body),
);
export const DELETE = apiRoute(operations.removeSource, ({ actor, params }) =>
  removeSource(actor, params.id ?? '', params.sourceId ?? ''),
);
