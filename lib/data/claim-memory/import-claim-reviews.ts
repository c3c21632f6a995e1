import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import {
  findClaimReviewObjects,
  readClaimReviews,
  requireSome,
  type ParsedClaimReviews,
} from '@/lib/importing/claim-review-parse';
import { yieldToLoop } from '@/lib/scheduling/yield-to-loop';
import type { ImportClaimReviewInput, ImportClaimReviewResult } from '@/lib/validation/claim-reviews';
import { readClaimReviewUrl } from './read-claim-review-url';
import { BATCH, storeClaimReviews } from './store-claim-reviews';

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
