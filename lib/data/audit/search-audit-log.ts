import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

type Row = Prisma.AuditLogGetPayload<{ include: { actor: { select: { id: true; name: true } } } }>;
const toEntry = (e: Row) => ({
  id: e.id,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  actor: e.actor,
  before: e.before ?? null,
  after: e.after ?? null,
  createdAt: e.createdAt.toISOString(),
});

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
  return { items: items.map(toEntry), nextCursor: more ? (items[items.length - 1]?.id ?? null) : null };
}

/** An article's events and those of its claims (verdicts, sources, reviews, comments), oldest first. */
export async function articleHistory(actor: Actor | null, articleId: string) {
  authorize(actor, 'readNewsroom');
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound('No article with this id.');
  const claimIds = (await db().claim.findMany({ where: { articleId }, select: { id: true } })).map((c) => c.id);
  const rows = await db().auditLog.findMany({
    where: {
      OR: [
        { entityType: 'Article', entityId: articleId },
        { entityType: 'Claim', entityId: { in: claimIds } },
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 2000,
    include: { actor: { select: { id: true, name: true } } },
  });
  return { items: rows.map(toEntry), nextCursor: null };
}
