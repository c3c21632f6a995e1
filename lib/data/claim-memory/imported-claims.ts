import 'server-only';
import { pool } from '@/lib/db';
import type { SimilarClaimDto } from '@/lib/validation/search';

/** Imported ClaimReviews as "already checked?" items: read-only, with their publisher, rating label, date and address. */
export async function describeImportedClaims(ids: string[]): Promise<Map<string, Omit<SimilarClaimDto, 'score'>>> {
  if (ids.length === 0) return new Map();
  const { rows } = await pool().query<{
    id: string;
    url: string;
    claimReviewed: string;
    ratingLabel: string;
    publisherName: string;
    reviewDate: Date | null;
    claimant: string | null;
    createdAt: Date;
  }>(
    `SELECT id, url, "claimReviewed", "ratingLabel", "publisherName", "reviewDate", claimant, "createdAt" FROM "ImportedClaim" WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        claim: {
          id: r.id,
          quote: { exact: r.claimReviewed },
          claimReviewed: r.claimReviewed,
          claimant: r.claimant,
          // Another fact-checker's label: not a rating of this newsroom's scale, so it has no rating id.
          rating: { id: `imported:${r.id}`, label: r.ratingLabel },
          status: 'IMPORTED' as const,
          articleId: null,
          articleTitle: r.publisherName,
          url: r.url,
          isPublished: true,
          origin: 'imported' as const,
          publisher: r.publisherName,
          date: (r.reviewDate ?? r.createdAt).toISOString(),
        },
        isSameClaim: false,
      },
    ]),
  );
}
