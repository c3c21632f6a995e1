import 'server-only';
import { pool } from '@/lib/db';
import { STANDING_LATEST } from './standing-latest-sql';

/** Published fact-checks, newest first (by their latest version), `limit` from `offset`, as last published. */
export async function listPublished(limit = 50, offset = 0) {
  const { rows } = await pool().query<{
    title: string | null;
    slug: string | null;
    publishedAt: Date;
    version: number;
    claimCount: number;
  }>(
    `SELECT p.snapshot->'article'->>'title' AS title, p.snapshot->'article'->>'slug' AS slug, p."publishedAt", p.number AS version,
            COALESCE(jsonb_array_length(p.snapshot->'claims'), 0)::int AS "claimCount"
     ${STANDING_LATEST}
     ORDER BY p."publishedAt" DESC, a.id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return rows.map((r) => ({
    title: r.title ?? '',
    slug: r.slug ?? '',
    publishedAt: r.publishedAt,
    version: r.version,
    claimCount: r.claimCount,
  }));
}
