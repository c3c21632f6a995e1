import 'server-only';
import { pool } from '@/lib/db';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';
import { STANDING_LATEST, SNAPSHOT_WITHOUT_TEXT } from './standing-latest-sql';

/** The latest version of every standing fact-check (its snapshot without the article's text), by article id from `after`. */
export async function listStandingSnapshots(limit: number, after: string | undefined) {
  const { rows } = await pool().query<{ articleId: string; snapshot: PublicationSnapshot; publishedAt: Date }>(
    `SELECT a.id AS "articleId", ${SNAPSHOT_WITHOUT_TEXT} AS snapshot, p."publishedAt"
     ${STANDING_LATEST} AND ($2::text IS NULL OR a.id > $2)
     ORDER BY a.id ASC LIMIT $1`,
    [limit, after ?? null],
  );
  return rows;
}
