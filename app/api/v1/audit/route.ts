import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { searchAuditLog } from '@/lib/data/audit/search-audit-log';

export const GET = apiRoute(operations.searchAudit, ({ actor, query }) => searchAuditLog(actor, query));
