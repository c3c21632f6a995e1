import 'server-only';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';

/** An article's published versions: public once published, 404 otherwise (drafts are not revealed). */
export async function listPublications(articleId: string) {
  const rows = await db().publication.findMany({
    where: { articleId },
    orderBy: { number: 'asc' },
    include: { article: { select: { slug: true } } },
  });
  if (rows.length === 0) throw notFound('No published article with this id.');
  return {
    items: rows.map((p) => ({
      id: p.id,
      number: p.number,
      url: `/a/${p.article.slug}/v/${p.number}`,
      publishedAt: p.publishedAt.toISOString(),
      correctionNote: p.correctionNote,
    })),
    nextCursor: null,
  };
}
