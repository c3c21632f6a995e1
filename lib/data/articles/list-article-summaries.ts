import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { PageQuery } from '@/lib/validation/common';
import { pageArgs, toPage } from '@/lib/validation/paging';

/** The API's article list: newest first, paged by cursor. */
export async function listArticleSummaries(actor: Actor | null, query: PageQuery) {
  authorize(actor, 'readNewsroom');
  const rows = await db().article.findMany({
    where: { deletedAt: null },
    ...pageArgs(query),
    include: { _count: { select: { claims: { where: { deletedAt: null, detachedAt: null } } } } },
  });
  return toPage(rows, query, (a) => ({
    id: a.id,
    title: a.title,
    slug: a.slug,
    status: a.status,
    version: a.version,
    claimCount: a._count.claims,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}
