import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { recordAuditSql } from '@/lib/data/audit/record-audit';
import { sqlTransaction, type SqlClient } from '@/lib/db/sql';
import { AppError } from '@/lib/errors';
import {
  findClaimReviewObjects,
  MAX_CLAIM_REVIEWS,
  readClaimReviews,
  requireSome,
  type ClaimReviewRecord,
  type FeedNextPage,
  type ParsedClaimReviews,
} from '@/lib/importing/claim-review-parse';
import { fetchPage } from '@/lib/importing/fetch-page';
import { parseClaimReviewPage } from '@/lib/importing/import-pool';
import { timeSlicer, yieldToLoop } from '@/lib/scheduling/yield-to-loop';
import type { ImportClaimReviewInput, ImportClaimReviewResult } from '@/lib/validation/claim-reviews';
import { claimScorer } from './match-index';

/** Reviews normalised between two turns of the event loop (about 50 µs each), and stored per statement. */
const BATCH = 200;

/** Pages of one paged feed read in one import at most; the rest waits for a feed that is split differently. */
export const MAX_FEED_PAGES = 20;
/** No further page is begun once an import has spent this long (each page also has the fetch's own 10 s). */
export const FEED_TIME_BUDGET_MS = 60_000;

const pageRefused = (n: number, url: string, err: unknown): unknown =>
  err instanceof AppError && n > 1
    ? new AppError(err.code, `Page ${n} of the feed (${url}): ${err.message}`, err.errors, err.retryAfter)
    : err;

/** The address of the page a feed page names next: `?cursor=` on its own address, or its `next` address on the same site. */
function nextPageUrl(pageUrl: string, firstUrl: URL, next: FeedNextPage): string {
  let url: URL;
  try {
    url = 'cursor' in next ? new URL(pageUrl) : new URL(next.url, pageUrl);
  } catch {
    throw new AppError('UNPROCESSABLE', 'The feed names a next page that is not a web address.', [
      { path: 'url', message: 'The next page is not a web address.' },
    ]);
  }
  if ('cursor' in next) url.searchParams.set('cursor', next.cursor);
  if (url.origin !== firstUrl.origin) {
    throw new AppError(
      'UNPROCESSABLE',
      `The feed's next page is on another site (${url.host}); Factmark follows a feed's pages on its own site only.`,
      [{ path: 'url', message: 'The next page is on another site.' }],
    );
  }
  return url.toString();
}

/**
 * Fetches a page or feed under the URL-import rules and reads its ClaimReviews on the import worker. A paged
 * feed's next pages (`nextCursor`, or a `next` address on the same site) are fetched the same way, one after the
 * other, up to MAX_FEED_PAGES, while fewer than MAX_CLAIM_REVIEWS entries were read and while the import is within
 * `budgetMs`; their reviews and errors add up (an error's index counts across the pages).
 */
export async function readClaimReviewUrl(
  url: string,
  budgetMs = FEED_TIME_BUDGET_MS,
): Promise<ParsedClaimReviews & { pages: number; nextPage: string | null }> {
  const deadline = performance.now() + budgetMs;
  const all: ParsedClaimReviews = { reviews: [], errors: [] };
  const seen = new Set<string>();
  let first: URL | null = null;
  let address: string | null = url;
  let pages = 0;
  let count = 0;
  // A paged import reads as many reviews as one document may hold (MAX_CLAIM_REVIEWS), not that many per page.
  while (
    address &&
    pages < MAX_FEED_PAGES &&
    count < MAX_CLAIM_REVIEWS &&
    !seen.has(address) &&
    (pages === 0 || performance.now() < deadline)
  ) {
    seen.add(address);
    pages++;
    let parsed: ParsedClaimReviews;
    let pageUrl: string;
    try {
      const page = await fetchPage(
        address,
        'application/ld+json, application/json;q=0.9, text/html;q=0.8',
        /html|xml|json/i,
      );
      pageUrl = page.url;
      parsed = await parseClaimReviewPage(page.html, /json/i.test(page.contentType), pages > 1);
    } catch (err) {
      throw pageRefused(pages, address, err);
    }
    first ??= new URL(pageUrl);
    all.reviews.push(...parsed.reviews);
    all.errors.push(...parsed.errors.map((e) => ({ index: count + e.index, reason: e.reason })));
    count += parsed.reviews.length + parsed.errors.length;
    address = parsed.next ? nextPageUrl(pageUrl, first, parsed.next) : null;
  }
  return { ...requireSome(all, 'url'), pages, nextPage: address && !seen.has(address) ? address : null };
}

/**
 * A document sent to the API: the route already parsed it, refused nesting past 64 levels and bad characters,
 * and the body limit (8 MB) bounds its size. Its ClaimReviews are read a batch per turn of the event loop.
 */
async function readClaimReviewDocument(document: unknown): Promise<ParsedClaimReviews> {
  const objects = findClaimReviewObjects(document, 'document');
  const parsed: ParsedClaimReviews = { reviews: [], errors: [] };
  for (let i = 0; i < objects.length; i += BATCH) {
    if (i > 0) await yieldToLoop();
    const part = readClaimReviews(objects.slice(i, i + BATCH), i);
    parsed.reviews.push(...part.reviews);
    parsed.errors.push(...part.errors);
  }
  return requireSome(parsed, 'document');
}

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

/** `POST /api/v1/imports/claimreview`: other fact-checkers' ClaimReview from a page, a feed or a document (admins and editors). */
export async function importClaimReviews(
  actor: Actor | null,
  input: ImportClaimReviewInput,
): Promise<ImportClaimReviewResult> {
  authorize(actor, 'importClaimReviews');
  if ('url' in input)
    return storeClaimReviews(actor, await readClaimReviewUrl(input.url), { sourceUrl: input.url, feedId: null });
  return storeClaimReviews(actor, await readClaimReviewDocument(input.document), { sourceUrl: null, feedId: null });
}
