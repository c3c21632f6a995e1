import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { pool } from '@/lib/db';

export interface SameClaimDto {
  id: string;
  exact: string;
  claimReviewed: string;
  articleId: string;
  articleTitle: string;
  ratingLabel: string | null;
  status: string;
  /** The public fact-check of the other claim while it is published, else null. */
  publicUrl: string | null;
}

/** The claims recorded as "the same claim as" this one, in either direction, oldest link first. */
export async function listSameClaims(actor: Actor | null, claimId: string): Promise<SameClaimDto[]> {
  authorize(actor, 'readNewsroom');
  const { rows } = await pool().query<SameClaimDto & { slug: string | null }>(
    `SELECT c.id, c.exact, c."claimReviewed", a.id AS "articleId", a.title AS "articleTitle", r.label AS "ratingLabel", c.status::text AS status,
       (SELECT p.snapshot->'article'->>'slug' FROM "Publication" p
          WHERE p."articleId" = a.id AND p.snapshot->'claims' @> jsonb_build_array(jsonb_build_object('id', c.id))
            AND p.number = (SELECT max(number) FROM "Publication" WHERE "articleId" = a.id)
            AND NOT EXISTS (SELECT 1 FROM "Retraction" x WHERE x."articleId" = a.id AND x."createdAt" > p."publishedAt")) AS slug
     FROM "ClaimLink" l
     JOIN "Claim" c ON c.id = CASE WHEN l."claimId" = $1 THEN l."sameAsId" ELSE l."claimId" END
     JOIN "Article" a ON a.id = c."articleId"
     LEFT JOIN "Verdict" v ON v."claimId" = c.id LEFT JOIN "Rating" r ON r.id = v."ratingId"
     WHERE (l."claimId" = $1 OR l."sameAsId" = $1) AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL
     ORDER BY l."createdAt", c.id`,
    [claimId],
  );
  return rows.map(({ slug, ...r }) => ({ ...r, publicUrl: slug ? `/a/${slug}#claim-${r.id}` : null }));
}
