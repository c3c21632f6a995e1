import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { articleHistory } from '@/lib/data/audit/get-article-history';

export const GET = apiRoute(operations.articleHistory, ({ actor, params }) => articleHistory(actor, params.id ?? ''));
