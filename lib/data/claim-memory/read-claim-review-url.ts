import 'server-only';
import { AppError } from '@/lib/errors';
import {
  MAX_CLAIM_REVIEWS,
  requireSome,
  type FeedNextPage,
  type ParsedClaimReviews,
} from '@/lib/importing/claim-review-parse';
import { fetchPage } from '@/lib/importing/fetch-page';
import { parseClaimReviewPage } from '@/lib/importing/import-pool';

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
