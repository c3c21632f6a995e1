import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { articleHistory } from '@/lib/data/audit/search-audit-log';

export const GET = apiRoute(operations.articleHistory, ({ actor, params }) => articleHistory(actor, params.id ?? ''));
