import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/permissions';
import { recordAuditSql } from '@/lib/data/audit/record-audit';
import { sqlTransaction, type SqlClient } from '@/lib/db/sql';
import type { ClaimReviewRecord, ParsedClaimReviews } from '@/lib/importing/claim-review-parse';
import { timeSlicer } from '@/lib/scheduling/yield-to-loop';
import type { ImportClaimReviewResult } from '@/lib/validation/claim-reviews';
import { claimScorer } from './match-index';

/** Reviews normalised between two turns of the event loop (about 50 µs each), and stored per statement. */
export const BATCH = 200;

interface Row extends ClaimReviewRecord {
  hash: string;
  normalized: string;
}

const hashOf = (r: ClaimReviewRecord): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        r.url,
        r.claimReviewed,
        r.ratingLabel,
        r.publisherName,
        r.publisherUrl,
        r.reviewDate,
        r.claimant,
        r.language,
      ]),
    )
    .digest('hex');

async function prepare(reviews: ClaimReviewRecord[]): Promise<{ rows: Row[]; duplicates: number }> {
  // The same review twice in one document: the later one counts, the earlier is skipped.
  const byUrl = new Map(reviews.map((r) => [r.url, r]));
  // In address order, so two imports writing the same reviews at once lock their rows in one order (no deadlock).
  const unique = [...byUrl.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const rows: Row[] = [];
  // A review of 2,000 characters takes milliseconds to normalise: yield every 10 ms, not every so many reviews.
  const pause = timeSlicer(10);
  for (const r of unique) {
    await pause();
    rows.push({ ...r, hash: hashOf(r), normalized: claimScorer.normalize(r.claimReviewed) });
  }
  return { rows, duplicates: reviews.length - unique.length };
}

async function upsert(
  client: SqlClient,
  rows: Row[],
  origin: { sourceUrl: string | null; feedId: string | null; actorId: string | null },
) {
  // An unchanged review is left alone (no row comes back); xmax = 0 tells an insert from an update.
  const { rows: written } = await client.query<{ inserted: boolean }>(
    `INSERT INTO "ImportedClaim" (id, url, "claimReviewed", "ratingLabel", "publisherName", "publisherUrl", "reviewDate", claimant, language,
       "sourceUrl", "feedId", "contentHash", normalized, tokens, "importedById", "createdAt", "updatedAt")
     SELECT x.id, x.url, x.claim, x.label, x.publisher, x."publisherUrl", x.day, x.claimant, x.language, $10, $11, x.hash, x.normalized,
       to_tsvector('simple', x.normalized), $12, now(), now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $13::text[], $14::text[])
       AS x(id, url, claim, label, publisher, "publisherUrl", day, claimant, language, hash, normalized)
     ON CONFLICT (url) DO UPDATE SET "claimReviewed" = EXCLUDED."claimReviewed", "ratingLabel" = EXCLUDED."ratingLabel",
       "publisherName" = EXCLUDED."publisherName", "publisherUrl" = EXCLUDED."publisherUrl", "reviewDate" = EXCLUDED."reviewDate",
       claimant = EXCLUDED.claimant, language = EXCLUDED.language, "sourceUrl" = EXCLUDED."sourceUrl",
       "feedId" = coalesce(EXCLUDED."feedId", "ImportedClaim"."feedId"), "contentHash" = EXCLUDED."contentHash",
       normalized = EXCLUDED.normalized, tokens = EXCLUDED.tokens, "updatedAt" = now()
     WHERE "ImportedClaim"."contentHash" <> EXCLUDED."contentHash"
     RETURNING (xmax = 0) AS inserted`,
    [
      rows.map(() => randomUUID()),
      rows.map((r) => r.url),
      rows.map((r) => r.claimReviewed),
      rows.map((r) => r.ratingLabel),
      rows.map((r) => r.publisherName),
      rows.map((r) => r.publisherUrl),
      rows.map((r) => r.reviewDate),
      rows.map((r) => r.claimant),
      rows.map((r) => r.language),
      origin.sourceUrl,
      origin.feedId,
      origin.actorId,
      rows.map((r) => r.hash),
      rows.map((r) => r.normalized),
    ],
  );
  const imported = written.filter((w) => w.inserted).length;
  return { imported, updated: written.length - imported, skipped: rows.length - written.length };
}

/**
 * Stores parsed ClaimReviews in one transaction: new review addresses are imported, changed ones updated,
 * identical ones skipped. The reviews that could not be read stay in `errors`.
 */
export async function storeClaimReviews(
  actor: Actor | null,
  parsed: ParsedClaimReviews & { pages?: number; nextPage?: string | null },
  origin: {
    sourceUrl: string | null;
    feedId: string | null;
    afterStore?: (
      client: SqlClient,
      result: Omit<ImportClaimReviewResult, 'errors' | 'pages' | 'nextPage'>,
    ) => Promise<void>;
  },
): Promise<ImportClaimReviewResult> {
  const { rows, duplicates } = await prepare(parsed.reviews);
  const totals = await sqlTransaction(async (client) => {
    const sum = { imported: 0, updated: 0, skipped: duplicates };
    for (let i = 0; i < rows.length; i += BATCH) {
      const part = await upsert(client, rows.slice(i, i + BATCH), {
        sourceUrl: origin.sourceUrl,
        feedId: origin.feedId,
        actorId: actor?.id ?? null,
      });
      sum.imported += part.imported;
      sum.updated += part.updated;
      sum.skipped += part.skipped;
    }
    await recordAuditSql(client, actor, {
      action: 'claimreview.imported',
      entityType: origin.feedId ? 'ClaimReviewFeed' : 'ImportedClaim',
      entityId: origin.feedId ?? origin.sourceUrl ?? 'document',
      after: { ...sum, errors: parsed.errors.length, pages: parsed.pages ?? 1 },
    });
    await origin.afterStore?.(client, sum);
    return sum;
  });
  return { ...totals, errors: parsed.errors, pages: parsed.pages ?? 1, nextPage: parsed.nextPage ?? null };
}
