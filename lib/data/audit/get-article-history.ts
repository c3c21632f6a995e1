import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { toAuditEntryDto } from './audit-entry-dto';

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
  return { items: rows.map(toAuditEntryDto), nextCursor: null };
}
