import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { toSourceDto } from '@/lib/data/sources/source-dto';

/** The organisation's source library, searched by URL or title. */
export async function searchSources(actor: Actor | null, q: string) {
  authorize(actor, 'readNewsroom');
  // Searched for as typed: `%`, `_` and `\` are LIKE's wildcards and escape, so they are escaped.
  const term = q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db().source.findMany({
    where: term
      ? { OR: [{ url: { contains: term, mode: 'insensitive' } }, { title: { contains: term, mode: 'insensitive' } }] }
      : {},
    orderBy: { createdAt: 'desc' },
    take: 25,
  });
  return { items: rows.map(toSourceDto), nextCursor: null };
}
