import 'server-only';
import { db } from '@/lib/db';

/** Of these article ids, those that no longer exist or were deleted: their live documents are closed. */
export async function findDeletedArticles(articleIds: readonly string[]): Promise<Set<string>> {
  if (articleIds.length === 0) return new Set();
  const live = await db().article.findMany({
    where: { id: { in: [...new Set(articleIds)] }, deletedAt: null },
    select: { id: true },
  });
  const kept = new Set(live.map((a) => a.id));
  return new Set(articleIds.filter((id) => !kept.has(id)));
}
