import 'server-only';
import type { Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { NOT_WITHDRAWN } from '@/lib/data/publications/standing-latest-sql';
import type { SnapshotAlsoChecked } from '@/lib/publishing/snapshot';

/**
 * For each claim, the claims recorded as the same claim that readers can already see: taken from the latest
 * standing publication of the other article (its snapshot, never the live rows), for "Also checked: …".
 */
export async function findAlsoChecked(tx: Tx, claimIds: string[]): Promise<Map<string, SnapshotAlsoChecked[]>> {
  const found = new Map<string, SnapshotAlsoChecked[]>();
  if (claimIds.length === 0) return found;
  const rows = await tx.$queryRaw<
    {
      claimId: string;
      otherId: string;
      exact: string | null;
      claimReviewed: string | null;
      title: string | null;
      slug: string | null;
    }[]
  >`
    SELECT l.mine AS "claimId", l.other AS "otherId", pc->>'exact' AS exact, pc->>'claimReviewed' AS "claimReviewed",
           p.snapshot->'article'->>'title' AS title, p.snapshot->'article'->>'slug' AS slug
    FROM (SELECT "claimId" AS mine, "sameAsId" AS other, "createdAt" FROM "ClaimLink" WHERE "claimId" = ANY(${claimIds}::text[])
          UNION ALL SELECT "sameAsId", "claimId", "createdAt" FROM "ClaimLink" WHERE "sameAsId" = ANY(${claimIds}::text[])) l
    JOIN "Claim" c ON c.id = l.other
    JOIN "Article" oa ON oa.id = c."articleId" AND oa."deletedAt" IS NULL
    JOIN LATERAL (SELECT pp.snapshot, pp."publishedAt" FROM "Publication" pp WHERE pp."articleId" = c."articleId" ORDER BY pp.number DESC LIMIT 1) p ON true
    CROSS JOIN LATERAL jsonb_array_elements(p.snapshot->'claims') pc
    WHERE pc->>'id' = l.other
      AND ${Prisma.raw(NOT_WITHDRAWN('c."articleId"', 'p."publishedAt"'))}
    ORDER BY l."createdAt", l.other`;
  for (const r of rows) {
    if (!r.slug) continue;
    const list = found.get(r.claimId) ?? [];
    list.push({
      claimId: r.otherId,
      claimReviewed: r.claimReviewed || r.exact || '',
      title: r.title ?? '',
      slug: r.slug,
    });
    found.set(r.claimId, list);
  }
  return found;
}
