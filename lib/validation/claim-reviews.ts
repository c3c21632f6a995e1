import { z } from 'zod';
import { httpUrl } from './common';

/** `POST /api/v1/imports/claimreview`: a page or feed address, or the JSON-LD itself (checked by lib/importing/claim-review-parse). */
export const importClaimReviewInput = z.union(
  [
    z.strictObject({ url: httpUrl }),
    z.strictObject({
      document: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())], {
        error: 'Send one ClaimReview, an array, a @graph or a DataFeed.',
      }),
    }),
  ],
  { error: 'Send either `url` (a page or feed embedding ClaimReview) or `document` (the JSON-LD).' },
);
export type ImportClaimReviewInput = z.infer<typeof importClaimReviewInput>;

const claimReviewErrorDto = z.object({ index: z.number().int(), reason: z.string() });

export const importClaimReviewResultDto = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /** ClaimReviews left out, by their place in the document (0-based) and why. */
  errors: z.array(claimReviewErrorDto),
  /** Pages read: a paged feed's next pages are followed, at most 20. */
  pages: z.number().int(),
  /** The first page left unread (past 20 pages or 60 s), else null. */
  nextPage: z.string().nullable(),
});
export type ImportClaimReviewResult = z.infer<typeof importClaimReviewResultDto>;

export const claimReviewFeedInput = z.strictObject({ url: httpUrl });

export const claimReviewFeedDto = z.object({
  id: z.string(),
  url: z.string(),
  createdAt: z.string(),
  lastRunAt: z.string().nullable(),
  lastResult: z
    .object({ imported: z.number(), updated: z.number(), skipped: z.number(), errors: z.number(), pages: z.number() })
    .nullable(),
  lastError: z.string().nullable(),
  claims: z.number().int(),
});
export type ClaimReviewFeedDto = z.infer<typeof claimReviewFeedDto>;
