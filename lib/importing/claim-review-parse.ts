// Reading schema.org ClaimReview written by others: untrusted JSON(-LD), walked iteratively with bounds.
import { AppError } from '@/lib/errors';
import { exceedsJsonSize, findJsonProblem } from '@/lib/validation/json-shape';
import { storableText } from '@/lib/validation/text';

/** ClaimReviews read from one document at most: a bigger feed is split into pages by its publisher. */
export const MAX_CLAIM_REVIEWS = 5000;
/** Bounds of one document's JSON: 8 MB of text in at most 200,000 objects. */
export const MAX_DOCUMENT_SIZE = { characters: 8 * 1024 * 1024, objects: 200_000 };
const MAX_TEXT = 2000;
const MAX_NAME = 300;

/** One ClaimReview as Factmark keeps it (lib/data/claim-memory/import-claim-reviews stores it). */
export interface ClaimReviewRecord {
  url: string;
  claimReviewed: string;
  ratingLabel: string;
  publisherName: string;
  publisherUrl: string | null;
  reviewDate: string | null;
  claimant: string | null;
  language: string | null;
}

export interface ClaimReviewError {
  /** The review's place among the document's ClaimReviews (0-based, document order). */
  index: number;
  reason: string;
}

export interface ParsedClaimReviews {
  reviews: ClaimReviewRecord[];
  errors: ClaimReviewError[];
  /** The next page a paged feed names (Factmark's `nextCursor`, or a `next` address); absent on its last page. */
  next?: FeedNextPage;
}

/** How a feed page names the one after it: a cursor for this address's `?cursor=`, or an address of its own. */
export type FeedNextPage = { cursor: string } | { url: string };

const unreadable = (path: string, message: string) => new AppError('UNPROCESSABLE', message, [{ path, message }]);

export type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

function typesOf(v: Json): string[] {
  const t = v['@type'] ?? v.type;
  const list = Array.isArray(t) ? t : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^(https?:\/\/schema\.org\/|schema:)/, ''));
}

function text(v: unknown, max: number): string | null {
  const value = first(v);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const cleaned = storableText(value).replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned.slice(0, max) : null;
}

function httpUrl(v: unknown): string | null {
  const value = text(v, 2048);
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const nameOf = (v: unknown): string | null => {
  const value = first(v);
  return isObject(value) ? (text(value.name, MAX_NAME) ?? text(value.alternateName, MAX_NAME)) : text(value, MAX_NAME);
};

function day(v: unknown): string | null {
  const value = text(v, 64);
  if (!value) return null;
  const date = new Date(value);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1000 || year > 9999 ? null : date.toISOString();
}

function ratingLabel(v: unknown): string | null {
  const rating = first(v);
  if (!isObject(rating)) return null;
  const label = text(rating.alternateName, MAX_NAME) ?? text(rating.name, MAX_NAME);
  if (label) return label;
  const value = text(rating.ratingValue, 32);
  if (!value) return null;
  const best = text(rating.bestRating, 32);
  return best ? `${value}/${best}` : value;
}

/** One ClaimReview object as a record, or why it cannot be kept. */
function readClaimReview(review: Json): ClaimReviewRecord | string {
  const claimReviewed = text(review.claimReviewed, MAX_TEXT);
  if (!claimReviewed) return 'claimReviewed is missing.';
  const label = ratingLabel(review.reviewRating);
  if (!label) return 'reviewRating is missing (or has neither alternateName nor ratingValue).';
  const url = httpUrl(review.url);
  if (!url) return 'url is missing (an http or https address).';
  const author = first(review.author) ?? first(review.publisher);
  const publisherUrl = isObject(author) ? httpUrl(author.url) : null;
  const item = first(review.itemReviewed);
  const language = first(review.inLanguage);
  return {
    url,
    claimReviewed,
    ratingLabel: label,
    publisherName:
      nameOf(author) ?? nameOf(review.publisher) ?? new URL(publisherUrl ?? url).hostname.replace(/^www\./, ''),
    publisherUrl,
    reviewDate: day(review.datePublished),
    claimant: isObject(item) ? nameOf(item.author) : null,
    language: isObject(language) ? text(language.alternateName ?? language.name, 35) : text(language, 35),
  };
}

/**
 * The ClaimReview objects of a JSON-LD value, in document order: one ClaimReview, an array, a `@graph`, or a
 * `DataFeed` (its `dataFeedElement`, each a ClaimReview or a DataFeedItem with `item`). Iterative, and it
 * descends only into those containers, so its work is bounded by the number of containers, not the document.
 */
export function findClaimReviewObjects(value: unknown, path = 'document'): Json[] {
  const found: Json[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    if (!isObject(v)) continue;
    if (typesOf(v).includes('ClaimReview')) {
      if (found.length >= MAX_CLAIM_REVIEWS)
        throw unreadable(path, `The document holds more than ${MAX_CLAIM_REVIEWS} ClaimReviews: import it in parts.`);
      found.push(v);
      continue;
    }
    for (const key of ['item', 'dataFeedElement', '@graph'] as const) if (v[key] !== undefined) stack.push(v[key]);
  }
  return found;
}

/** Records of ClaimReview objects; `first` is the place of `objects[0]` in its document (for the errors' index). */
export function readClaimReviews(objects: Json[], first = 0): ParsedClaimReviews {
  const parsed: ParsedClaimReviews = { reviews: [], errors: [] };
  objects.forEach((review, i) => {
    const record = readClaimReview(review);
    if (typeof record === 'string') parsed.errors.push({ index: first + i, reason: record });
    else parsed.reviews.push(record);
  });
  return parsed;
}

/** Every ClaimReview of a JSON-LD value as records, and why the others cannot be kept. */
function collectClaimReviews(value: unknown, path = 'document'): ParsedClaimReviews {
  return readClaimReviews(findClaimReviewObjects(value, path));
}

const MAX_NEXT = 2048;
const nextValue = (v: unknown): string | null => {
  const value = isObject(v) ? (v.url ?? v['@id']) : v;
  return typeof value === 'string' && value.trim() && value.length <= MAX_NEXT ? value.trim() : null;
};

/** The next page named by a DataFeed at a document's top level (itself, an element of a top-level array or of its `@graph`). */
function findNextPage(documents: unknown[]): FeedNextPage | undefined {
  const tops = documents
    .flatMap((d) => (Array.isArray(d) ? d : [d]))
    .flatMap((d) => (isObject(d) && Array.isArray(d['@graph']) ? [d, ...(d['@graph'] as unknown[])] : [d]));
  for (const top of tops) {
    if (!isObject(top)) continue;
    const cursor = top.nextCursor;
    if (typeof cursor === 'string' && cursor && cursor.length <= MAX_NEXT) return { cursor };
    const url = nextValue(top.next) ?? nextValue(top.nextPage);
    if (url) return { url };
  }
  return undefined;
}

/** Checks a parsed document against the depth, character and size bounds before it is walked. */
export function checkDocumentShape(value: unknown, path = 'document'): void {
  const problem = findJsonProblem(value, path);
  if (problem) throw unreadable(problem.path, `The document cannot be read: ${problem.message}`);
  const size = exceedsJsonSize(value, MAX_DOCUMENT_SIZE);
  if (size)
    throw unreadable(
      path,
      `The document holds too many ${size === 'objects' ? 'objects' : 'characters'} (8 MB, 200,000 objects at most).`,
    );
}

/** The bodies of a page's <script type="application/ld+json"> elements, found by a linear scan. */
function jsonLdScripts(html: string): string[] {
  const blocks: string[] = [];
  const lower = html.toLowerCase();
  for (let at = lower.indexOf('<script'); at >= 0; at = lower.indexOf('<script', at + 7)) {
    const tagEnd = lower.indexOf('>', at);
    if (tagEnd < 0) break;
    const close = lower.indexOf('</script', tagEnd);
    if (close < 0) break;
    if (/type\s*=\s*["']?application\/ld\+json/.test(lower.slice(at, tagEnd)))
      blocks.push(html.slice(tagEnd + 1, close));
    at = close;
  }
  return blocks;
}

/**
 * A fetched JSON(-LD) file or an HTML page embedding ClaimReview JSON-LD, read into records. A page of a paged
 * feed (one naming its next page, or a later page when `allowEmpty`) may hold none: the whole feed is checked.
 */
export function parseClaimReviewText(
  body: string,
  isJson: boolean,
  path = 'url',
  allowEmpty = false,
): ParsedClaimReviews {
  const documents: unknown[] = [];
  const trimmed = body.trimStart();
  const isJsonBody = isJson || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (isJsonBody) {
    try {
      documents.push(JSON.parse(body));
    } catch {
      throw unreadable(path, 'The document is not valid JSON.');
    }
  } else {
    for (const block of jsonLdScripts(body)) {
      try {
        documents.push(JSON.parse(block));
      } catch {
        // Pages often carry broken JSON-LD for other types; only ClaimReview matters here.
      }
    }
  }
  for (const d of documents) checkDocumentShape(d, path);
  const parsed = collectClaimReviews(documents, path);
  const next = isJsonBody ? findNextPage(documents) : undefined;
  if (next) return { ...parsed, next };
  return allowEmpty ? parsed : requireSome(parsed, path);
}

/** A document without a single ClaimReview is refused rather than answered "0 imported". */
export function requireSome(parsed: ParsedClaimReviews, path: string): ParsedClaimReviews {
  if (parsed.reviews.length === 0 && parsed.errors.length === 0)
    throw unreadable(path, 'No schema.org ClaimReview was found there.');
  return parsed;
}
