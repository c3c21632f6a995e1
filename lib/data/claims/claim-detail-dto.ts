import 'server-only';
import type { SqlClient } from '@/lib/db/sql';
import type { Claim, Prisma, Review } from '@/lib/generated/prisma/client';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { type ClaimFields, toClaimDto } from '@/lib/data/claims/claim-dto';
import { toSourceDto, type SourceFields } from '@/lib/data/sources/source-dto';

export const claimDetailInclude = {
  verdict: { include: { rating: true } },
  sources: { include: { source: true }, orderBy: { position: 'asc' } },
  reviews: { orderBy: { createdAt: 'desc' }, take: 1, include: { reviewer: { select: { name: true } } } },
} as const satisfies Prisma.ClaimInclude;
/** What a claim's detail DTO is made of: a row read with claimDetailInclude, or readClaimDetail's. */
export type ClaimDetailFields = Omit<ClaimFields, 'verdict'> & {
  verdict: (NonNullable<ClaimFields['verdict']> & { explanation: Prisma.JsonValue }) | null;
  sources: { excerpt: string; position: number; source: SourceFields }[];
  reviews: (Pick<Review, 'decision' | 'comment' | 'claimVersion' | 'createdAt'> & {
    reviewer: { name: string } | null;
  })[];
};

export function toClaimDetailDto(c: ClaimDetailFields): ClaimDetailDto {
  const last = c.reviews[0];
  return {
    ...toClaimDto(c),
    explanation: (c.verdict?.explanation as Record<string, unknown> | null) ?? null,
    sources: c.sources.map((cs) => ({ ...toSourceDto(cs.source), excerpt: cs.excerpt, position: cs.position })),
    lastReview: last
      ? {
          decision: last.decision === 'APPROVED' ? 'approve' : 'request_changes',
          comment: last.comment,
          reviewer: last.reviewer?.name ?? null,
          claimVersion: last.claimVersion,
          createdAt: last.createdAt.toISOString(),
        }
      : null,
  };
}

/**
 * The claim detail in one statement (claimDetailInclude takes Prisma seven): the claim's columns, its
 * verdict with the rating, its sources in order and its last review, the nested parts as JSON.
 */
export const CLAIM_DETAIL_SQL = `SELECT c.*,
  (SELECT json_build_object('shortVerdict', v."shortVerdict", 'explanation', v.explanation,
      'rating', CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'label', r.label, 'colour', r.colour) END)
    FROM "Verdict" v LEFT JOIN "Rating" r ON r.id = v."ratingId" WHERE v."claimId" = c.id) AS verdict,
  (SELECT coalesce(json_agg(json_build_object('excerpt', cs.excerpt, 'position', cs.position, 'source', json_build_object(
      'id', s.id, 'url', s.url, 'title', s.title, 'publisher', s.publisher, 'publishedAt', s."publishedAt",
      'accessedAt', s."accessedAt", 'archivedUrl', s."archivedUrl", 'kind', s.kind)) ORDER BY cs.position), '[]')
    FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId" WHERE cs."claimId" = c.id) AS sources,
  (SELECT coalesce(json_agg(last), '[]') FROM (
    SELECT rv.decision, rv.comment, rv."claimVersion", rv."createdAt", CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('name', u.name) END AS reviewer
      FROM "Review" rv LEFT JOIN "User" u ON u.id = rv."reviewerId" WHERE rv."claimId" = c.id ORDER BY rv."createdAt" DESC LIMIT 1) last) AS reviews
FROM "Claim" c WHERE c.id = $1`;

type JsonDates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type ClaimDetailSqlRow = Claim & {
  verdict: ClaimDetailFields['verdict'];
  sources: { excerpt: string; position: number; source: JsonDates<SourceFields> }[];
  reviews: JsonDates<ClaimDetailFields['reviews'][number]>[];
};

// JSON carries a timestamptz column with its offset ("2026-11-28T10:30:00.123+01:00").
const toDate = (value: string) => new Date(value);
const toDateOrNull = (value: string | null) => (value === null ? null : toDate(value));

/** The claim's detail read with CLAIM_DETAIL_SQL (or a variant of it, such as one that locks), in the shape toClaimDetailDto takes; null when there is no such claim. */
export async function readClaimDetail(
  client: SqlClient,
  id: string,
  sql = CLAIM_DETAIL_SQL,
): Promise<ClaimDetailFields | null> {
  const row = (await client.query<ClaimDetailSqlRow>(sql, [id])).rows[0];
  if (!row) return null;
  return {
    ...row,
    sources: row.sources.map((cs) => ({
      ...cs,
      source: {
        ...cs.source,
        publishedAt: toDateOrNull(cs.source.publishedAt),
        accessedAt: toDateOrNull(cs.source.accessedAt),
      },
    })),
    reviews: row.reviews.map((r) => ({ ...r, createdAt: toDate(r.createdAt) })),
  };
}
