import { auditEntryDto, auditQuery } from '@/lib/validation/reviews';
import { pageOf } from '@/lib/validation/common';
import { op } from './operation';

/** The /api/v1 operations tagged Audit. */
export const auditOperations = {
  searchAudit: op({
    method: 'GET',
    path: '/api/v1/audit',
    summary: 'The audit log, newest first, filtered by entity, entityId, actor and dates',
    tag: 'Audit',
    access: 'signed-in',
    who: 'admin',
    query: auditQuery,
    response: pageOf(auditEntryDto),
    status: 200,
  }),
  articleHistory: op({
    method: 'GET',
    path: '/api/v1/articles/{id}/history',
    summary: 'The events of an article and its claims, verdicts, sources, reviews and comments, oldest first',
    tag: 'Audit',
    access: 'signed-in',
    who: 'any staff member',
    response: pageOf(auditEntryDto),
    status: 200,
  }),
};
