import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { listPublications } from '@/lib/data/publications/list-publications';
import { publishArticle } from '@/lib/data/publications/publish-article';

export const GET = apiRoute(operations.listPublications, ({ params }) => listPublications(params.id ?? ''));
export const POST = apiRoute(operations.publishArticle, ({ actor, params, body }) =>
  publishArticle(actor, params.id ?? '', body),
);
