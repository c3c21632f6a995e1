import 'server-only';
import { pool } from '@/lib/db';
import { websearchInput } from '@/lib/db/websearch';
import { NOT_WITHDRAWN } from '@/lib/data/publications/standing-latest-sql';
import type { PublishedSearchHit } from '@/lib/publishing/render-search';
import { withoutAccents } from '@/lib/similarity/normalize';

/** A published fact-check found by a reader's search (the page that lists them defines its shape). */
export type PublishedHit = PublishedSearchHit;

/**
 * Readers' search: the latest standing version of each fact-check whose published title or claims match,
 * best first. Reads publication snapshots only, never the articles or claims being edited. It starts from the
 * publications' text index, so it reaches the latest one by its number rather than through STANDING_LATEST (which
 * walks every article); the retraction rule is the shared one.
 */
export async function searchPublished(q: string, limit: number, offset: number): Promise<PublishedHit[]> {
  const { rows } = await pool().query<
    PublishedHit & {
      snapshotClaims: { id: string; exact: string; claimReviewed: string; rating: { label: string } }[];
      words: string[];
    }
  >(
    `WITH t AS (SELECT websearch_to_tsquery('simple', public.factmark_unaccent($1)) || websearch_to_tsquery('english', public.factmark_unaccent($1)) AS tq)
     SELECT p.snapshot->'article'->>'title' AS title, p.snapshot->'article'->>'slug' AS slug, p."publishedAt", p.number AS version,
            COALESCE(jsonb_array_length(p.snapshot->'claims'), 0)::int AS "claimCount", p.snapshot->'claims' AS "snapshotClaims",
            ts_rank_cd(public.factmark_publication_search(p.snapshot), t.tq) AS score
     FROM "Publication" p, t
     WHERE public.factmark_publication_search(p.snapshot) @@ t.tq
       AND p.number = (SELECT max(number) FROM "Publication" x WHERE x."articleId" = p."articleId")
       AND EXISTS (SELECT 1 FROM "Article" a WHERE a.id = p."articleId" AND a."deletedAt" IS NULL)
       AND ${NOT_WITHDRAWN('p."articleId"', 'p."publishedAt"')}
     ORDER BY score DESC, p."publishedAt" DESC, p.id LIMIT $2 OFFSET $3`,
    [websearchInput(q), limit, offset],
  );
  const words = withoutAccents(q.toLowerCase()).match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return rows.map((r) => ({
    title: r.title ?? '',
    slug: r.slug ?? '',
    publishedAt: r.publishedAt,
    version: r.version,
    claimCount: r.claimCount,
    claims: (r.snapshotClaims ?? [])
      .filter((c) => {
        const text = withoutAccents(`${c.exact} ${c.claimReviewed}`.toLowerCase());
        return words.some((w) => text.includes(w.slice(0, Math.max(3, w.length - 2))));
      })
      .slice(0, 3)
      .map((c) => ({ id: c.id, text: c.claimReviewed || c.exact, rating: c.rating?.label ?? '' })),
  }));
}
