import 'server-only';
import { db, pool } from '@/lib/db';
import { isSlug, latestVersion } from './find-published-version';

/** Every published version of an article, oldest first, with its correction note; null while unpublished. */
export async function findVersions(slug: string) {
  if (!isSlug(slug)) return null;
  const article = await db().article.findFirst({
    where: { slug, deletedAt: null, publications: { some: {} } },
    select: {
      id: true,
      publications: { orderBy: { number: 'asc' }, select: { number: true, publishedAt: true, correctionNote: true } },
      retractions: { orderBy: { createdAt: 'asc' }, select: { reason: true, createdAt: true } },
    },
  });
  if (!article) return null;
  // The title and the organisation as the latest version published them, never as they are being edited.
  const [published, latest] = await Promise.all([
    pool().query<{ title: string; organisation: string }>(
      `SELECT snapshot->'article'->>'title' AS title, snapshot->'organisation'->>'name' AS organisation
       FROM "Publication" WHERE "articleId" = $1 ORDER BY number DESC LIMIT 1`,
      [article.id],
    ),
    latestVersion(slug),
  ]);
  const row = published.rows[0];
  return {
    slug,
    title: row?.title ?? '',
    organisation: row?.organisation ?? '',
    versions: article.publications,
    retractions: article.retractions,
    retraction: latest?.retraction ?? null,
  };
}
