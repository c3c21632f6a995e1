import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { addSource } from '@/lib/data/sources/add-source';

export const POST = apiRoute(operations.addSource, ({ actor, params, body }) =>
  addSource(actor, params.id ?? '', body),
);
