import 'server-only';
import { db } from '@/lib/db';

export interface ReaderPage {
  id: string;
  number: number;
  html: string;
  latest: number;
  slug: string;
}

/** The stored page of a version (the latest when `number` is omitted); null for unknown or unpublished slugs. */
export async function findReaderPage(slug: string, number?: number): Promise<ReaderPage | null> {
  const article = await db().article.findUnique({ where: { slug }, select: { id: true, deletedAt: true } });
  if (!article || article.deletedAt) return null;
  const latest = await db().publication.findFirst({ where: { articleId: article.id }, orderBy: { number: 'desc' }, select: { number: true } });
  if (!latest) return null;
  const page = await db().publication.findUnique({ where: { articleId_number: { articleId: article.id, number: number ?? latest.number } }, select: { id: true, number: true, html: true } });
  return page && { ...page, latest: latest.number, slug };
}

/** The public front page: the latest version of every published article, newest first. */
export async function listPublished(limit = 50) {
  const rows = await db().article.findMany({
    where: { status: 'PUBLISHED', deletedAt: null },
    orderBy: { updatedAt: 'desc' },
    take: limit,
    select: { title: true, slug: true, publications: { orderBy: { number: 'desc' }, take: 1, select: { publishedAt: true, number: true, snapshot: true } } },
  });
  return rows.flatMap((a) => {
    const p = a.publications[0];
    if (!p) return [];
    const claims = (p.snapshot as { claims?: unknown[] }).claims?.length ?? 0;
    return [{ title: a.title, slug: a.slug, publishedAt: p.publishedAt, version: p.number, claimCount: claims }];
  });
}
