import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { retractArticle } from '@/lib/data/publications/retract-article';

export const POST = apiRoute(operations.retractArticle, ({ actor, params, body }) =>
  retractArticle(actor, params.id ?? '', body),
);
