import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { pool } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { synonymGroups } from '@/lib/similarity/lexicon';
import type { SimilarClaimDto, SimilarResultDto } from '@/lib/validation/search';
import type { ClaimOrigin } from '@/lib/similarity/scorer';
import { describeImportedClaims } from './imported-claims';
import { claimScorer, matchWords, catchUpClaimMatchTexts } from './match-index';

/** Candidates re-ranked in TypeScript per request: bounds the CPU a request spends on the event loop. */
export const MAX_CANDIDATES = 150;
const canonicalHeads = new Set(Object.keys(synonymGroups));

/**
 * The retrieval query: every distinctive token of the normalised text, OR-ed. Synonym heads such as
 * "increase" or "percent" match half the claims of a newsroom; they only rank, unless nothing else is left.
 */
function retrievalTerms(normalized: string): string[] {
  const tokens = [...new Set(normalized.split(' ').filter((t) => /^[a-z0-9.]+$/.test(t)))];
  const distinctive = tokens.filter((t) => !canonicalHeads.has(t));
  return (distinctive.length >= 2 ? distinctive : tokens).slice(0, 24);
}

interface CandidateRow {
  id: string;
  original: string;
  origin: ClaimOrigin;
}

async function candidatesFor(normalized: string, excludeId: string | null): Promise<CandidateRow[]> {
  const terms = retrievalTerms(normalized);
  if (terms.length === 0) return [];
  const tsquery = terms.map((t) => `'${t}'`).join(' | ');
  // Other fact-checkers' imported claims compete for the same candidate places as the newsroom's own.
  const { rows } = await pool().query<CandidateRow>(
    `(SELECT m."claimId" AS id, m.original, 'newsroom' AS origin, ts_rank(m.tokens, q) AS rank
      FROM "ClaimMatchText" m, to_tsquery('simple', $1) q
      WHERE m.tokens @@ q AND ($2::text IS NULL OR m."claimId" <> $2)
      ORDER BY rank DESC, m."claimId" LIMIT $3)
     UNION ALL
     (SELECT i.id, i."claimReviewed", 'imported', ts_rank(i.tokens, q) AS rank
      FROM "ImportedClaim" i, to_tsquery('simple', $1) q
      WHERE i.tokens @@ q
      ORDER BY rank DESC, i.id LIMIT $3)
     ORDER BY rank DESC, id LIMIT $3`,
    [tsquery, excludeId, MAX_CANDIDATES],
  );
  return rows;
}

async function describeClaims(
  ids: string[],
  linkedTo: string | null,
): Promise<Map<string, Omit<SimilarClaimDto, 'score'>>> {
  const { rows } = await pool().query<{
    id: string;
    exact: string;
    claimReviewed: string;
    claimantName: string | null;
    ratingId: string | null;
    ratingLabel: string | null;
    status: SimilarClaimDto['claim']['status'];
    articleId: string;
    articleTitle: string;
    slug: string | null;
    date: Date;
    publisher: string | null;
    isSame: boolean;
  }>(
    `SELECT c.id, c.exact, c."claimReviewed", c."claimantName", r.id AS "ratingId", r.label AS "ratingLabel", c.status,
       a.id AS "articleId", a.title AS "articleTitle", coalesce(c."claimDate", c."updatedAt") AS date,
       (SELECT name FROM "OrganisationSettings" WHERE id = 'default') AS publisher,
       (SELECT p.snapshot->'article'->>'slug' FROM "Publication" p
          WHERE p."articleId" = a.id AND p.snapshot->'claims' @> jsonb_build_array(jsonb_build_object('id', c.id))
            AND p.number = (SELECT max(number) FROM "Publication" WHERE "articleId" = a.id)
            AND NOT EXISTS (SELECT 1 FROM "Retraction" x WHERE x."articleId" = a.id AND x."createdAt" > p."publishedAt")) AS slug,
       EXISTS (SELECT 1 FROM "ClaimLink" l WHERE (l."claimId" = $2 AND l."sameAsId" = c.id) OR (l."sameAsId" = $2 AND l."claimId" = c.id)) AS "isSame"
     FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
     LEFT JOIN "Verdict" v ON v."claimId" = c.id LEFT JOIN "Rating" r ON r.id = v."ratingId"
     WHERE c.id = ANY($1::text[]) AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL`,
    [ids, linkedTo],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        claim: {
          id: r.id,
          quote: { exact: r.exact },
          claimReviewed: r.claimReviewed,
          claimant: r.claimantName,
          rating: r.ratingId && r.ratingLabel ? { id: r.ratingId, label: r.ratingLabel } : null,
          status: r.status,
          articleId: r.articleId,
          articleTitle: r.articleTitle,
          url: r.slug ? `/a/${r.slug}#claim-${r.id}` : `/review/${r.id}`,
          isPublished: !!r.slug,
          origin: 'newsroom' as const,
          publisher: r.publisher || 'This newsroom',
          date: r.date.toISOString(),
        },
        isSameClaim: r.isSame,
      },
    ]),
  );
}

async function rankSimilar(text: string, excludeId: string | null, limit: number): Promise<SimilarResultDto> {
  await catchUpClaimMatchTexts();
  const candidates = await candidatesFor(claimScorer.normalize(text), excludeId);
  // A few spare: deleted claims (or claims of deleted articles) are dropped only when described.
  const ranked = await claimScorer.rank(
    text,
    candidates.map((c) => ({ id: c.id, text: c.original, origin: c.origin })),
    limit + 5,
  );
  const origins = new Map(candidates.map((c) => [c.id, c.origin]));
  const ids = (origin: ClaimOrigin) => ranked.filter((r) => origins.get(r.id) === origin).map((r) => r.id);
  const [own, imported] = await Promise.all([
    describeClaims(ids('newsroom'), excludeId),
    describeImportedClaims(ids('imported')),
  ]);
  const details = new Map([...own, ...imported]);
  const items = ranked.flatMap((r) => {
    const d = details.get(r.id);
    return d ? [{ ...d, score: r.score }] : [];
  });
  return { items: items.slice(0, limit) };
}

/** The claims most like this one (best first, itself excluded): the newsroom's own, published or not. */
export async function findSimilarClaims(
  actor: Actor | null,
  claimId: string,
  limit: number,
): Promise<SimilarResultDto> {
  authorize(actor, 'readNewsroom');
  const { rows } = await pool().query<{ exact: string; statedClaim: string; claimReviewed: string }>(
    `SELECT exact, "statedClaim", "claimReviewed" FROM "Claim" WHERE id = $1 AND "deletedAt" IS NULL`,
    [claimId],
  );
  const claim = rows[0];
  if (!claim) throw notFound('No claim with this id.');
  return rankSimilar(matchWords(claim), claimId, limit);
}

/** The claims most like `text` ("has this been checked already?"), best first. */
export async function findClaimsLike(actor: Actor | null, text: string, limit: number): Promise<SimilarResultDto> {
  authorize(actor, 'readNewsroom');
  return rankSimilar(text, null, limit);
}
