import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { listArticleSummaries } from '@/lib/data/articles/list-article-summaries';
import { createArticle } from '@/lib/data/articles/create-article';

export const GET = apiRoute(operations.listArticles, ({ actor, query }) => listArticleSummaries(actor, query));
export const POST = apiRoute(operations.createArticle, ({ actor, body }) => createArticle(actor, body));
