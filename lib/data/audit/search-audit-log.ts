import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { toAuditEntryDto } from './audit-entry-dto';

/** The whole log for admins, newest first, filtered by entity, person and dates. */
export async function searchAuditLog(
  actor: Actor | null,
  q: { entity?: string; entityId?: string; actor?: string; from?: string; to?: string; cursor?: string; limit: number },
) {
  authorize(actor, 'manageUsers');
  const rows = await db().auditLog.findMany({
    where: {
      ...(q.entity ? { entityType: q.entity } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.actor ? { actorId: q.actor } : {}),
      ...(q.from || q.to
        ? { createdAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: new Date(q.to) } : {}) } }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
    include: { actor: { select: { id: true, name: true } } },
  });
  const more = rows.length > q.limit;
  const items = more ? rows.slice(0, q.limit) : rows;
  return { items: items.map(toAuditEntryDto), nextCursor: more ? (items[items.length - 1]?.id ?? null) : null };
}
