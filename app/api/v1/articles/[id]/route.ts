import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { getArticle } from '@/lib/data/articles/get-article';
import { saveArticle } from '@/lib/data/articles/save-article';

export const GET = apiRoute(operations.getArticle, ({ actor, params }) => getArticle(actor, params.id ?? ''));
export const PATCH = apiRoute(operations.updateArticle, ({ actor, params, body }) =>
  saveArticle(actor, params.id ?? '', body),
);
