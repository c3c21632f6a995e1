import 'server-only';
import { db, pool } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { publicationState } from '@/lib/publishing/publication-state';
import { publicOrigin } from '@/lib/publishing/public-origin';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';
import { webAnnotations } from '@/lib/publishing/web-annotations';
import { publicationStateSelect } from '@/lib/data/articles/lifecycle';
import { SNAPSHOT_WITHOUT_TEXT } from './standing-latest-sql';

/**
 * A published version's claims as a W3C Web Annotation collection; public, like the version itself, while
 * its article stands: after a retraction, 410 with the reason, until a new version is published.
 */
export async function getPublicationAnnotations(publicationId: string) {
  // Ids are cuids: anything else (a NUL, a lone surrogate) is no publication and no query.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(publicationId)) throw notFound('No publication with this id.');
  const { rows } = await pool().query<{ id: string; articleId: string; snapshot: PublicationSnapshot }>(
    `SELECT p.id, p."articleId", ${SNAPSHOT_WITHOUT_TEXT} AS snapshot FROM "Publication" p WHERE p.id = $1`,
    [publicationId],
  );
  const row = rows[0];
  if (!row) throw notFound('No publication with this id.');
  const article = await db().article.findUniqueOrThrow({
    where: { id: row.articleId },
    select: publicationStateSelect,
  });
  const { retraction } = publicationState(article);
  if (retraction) {
    throw new AppError(
      'GONE',
      `This fact-check was retracted on ${retraction.at.toISOString().slice(0, 10)}: ${retraction.reason}`,
      [{ path: 'id', message: 'The version was withdrawn by a retraction.' }],
    );
  }
  return webAnnotations(row.snapshot, row.id, publicOrigin());
}
