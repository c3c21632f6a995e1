import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db, pool } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';

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

/** Records that `claimId` checks the same claim as `sameAsId` (once per pair, whichever way round). */
export async function linkSameClaim(actor: Actor | null, claimId: string, sameAsId: string): Promise<SameClaimDto[]> {
  authorize(actor, 'editArticles');
  if (claimId === sameAsId)
    throw new AppError('UNPROCESSABLE', 'A claim cannot be the same claim as itself.', [
      { path: 'claimId', message: 'Choose another claim.' },
    ]);
  await db().$transaction(async (tx) => {
    // One pair at a time, whichever way round: two clicks at once record it once (neither fails on the unique pair).
    const pair = [claimId, sameAsId].sort().join(' ');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claim-link ${pair}`}))`;
    const found = await tx.claim.findMany({
      where: { id: { in: [claimId, sameAsId] }, deletedAt: null },
      select: { id: true },
    });
    if (!found.some((c) => c.id === claimId)) throw notFound('No claim with this id.');
    if (!found.some((c) => c.id === sameAsId))
      throw new AppError('UNPROCESSABLE', 'No claim with this id.', [{ path: 'claimId', message: 'Unknown claim.' }]);
    const existing = await tx.claimLink.findFirst({
      where: {
        OR: [
          { claimId, sameAsId },
          { claimId: sameAsId, sameAsId: claimId },
        ],
      },
    });
    if (existing) return;
    await tx.claimLink.create({ data: { claimId, sameAsId, createdById: actor.id } });
    await recordAudit(tx, actor, {
      action: 'claim.same-as',
      entityType: 'Claim',
      entityId: claimId,
      after: { sameAsId },
    });
  });
  return listSameClaims(actor, claimId);
}

/** Removes the "same claim" record between the two claims, whichever way round it was made. */
export async function unlinkSameClaim(actor: Actor | null, claimId: string, otherId: string): Promise<void> {
  authorize(actor, 'editArticles');
  await db().$transaction(async (tx) => {
    const { count } = await tx.claimLink.deleteMany({
      where: {
        OR: [
          { claimId, sameAsId: otherId },
          { claimId: otherId, sameAsId: claimId },
        ],
      },
    });
    if (count === 0) throw notFound('These claims are not recorded as the same claim.');
    await recordAudit(tx, actor, {
      action: 'claim.same-as-removed',
      entityType: 'Claim',
      entityId: claimId,
      before: { sameAsId: otherId },
    });
  });
}
