import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { claimInclude, toClaimDto } from './claim-dto';
import { CLAIM_RESTORE_WINDOW_MS } from './restore-claim';

export async function listClaims(actor: Actor | null, articleId: string, options: { deleted?: boolean } = {}) {
  authorize(actor, 'readNewsroom');
  if (!(await db().article.findFirst({ where: { id: articleId, deletedAt: null }, select: { id: true } })))
    throw notFound('No article with this id.');
  const since = new Date(Date.now() - CLAIM_RESTORE_WINDOW_MS);
  const rows = await db().claim.findMany({
    where: { articleId, ...(options.deleted ? { deletedAt: { gte: since } } : { deletedAt: null }) },
    include: claimInclude,
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
  });
  return { items: rows.map(toClaimDto), nextCursor: null };
}
