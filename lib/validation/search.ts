import { z } from 'zod';
import { idSchema } from './common';
import { hasBadText } from './text';

export const MAX_QUERY_LENGTH = 200;
export const MAX_SIMILAR_TEXT_LENGTH = 2000;

// PostgreSQL refuses U+0000 in a parameter (the request would fail with a 500): a 400 naming the field instead.
const noBadText = 'Remove the NUL character (or broken surrogate) from the text.';

const queryText = z
  .string({ error: 'Give the words to search for in `q`.' })
  .trim()
  .min(1, 'Give the words to search for in `q`.')
  .max(MAX_QUERY_LENGTH, `Search for at most ${MAX_QUERY_LENGTH} characters.`)
  .refine((q) => !hasBadText(q), noBadText);

const day = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'Use a date such as 2026-03-01.' });

export const searchTypes = ['article', 'claim', 'source'] as const;
export const searchStates = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'retracted'] as const;

/** `GET /api/v1/search`: words, what to search, filters and offset paging (`cursor` is the opaque position of the next page). */
export const searchQuery = z.strictObject({
  q: queryText,
  type: z.enum(searchTypes).optional(),
  state: z.enum(searchStates).optional(),
  rating: idSchema.optional(),
  factChecker: idSchema.optional(),
  claimant: z
    .string()
    .trim()
    .min(1)
    .max(MAX_QUERY_LENGTH)
    .refine((c) => !hasBadText(c), noBadText)
    .optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z
    .string()
    .regex(/^f?\d{1,5}$/, 'Use the nextCursor of the previous page.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const highlightDto = z.object({ start: z.number().int(), end: z.number().int() });

const searchHitDto = z.object({
  /** `imported`: another fact-checker's ClaimReview (found with claims; `url` is their review). */
  type: z.enum([...searchTypes, 'imported']),
  id: z.string(),
  title: z.string(),
  /** Plain text around the matching words; `highlights` are their [start, end) offsets in it. */
  snippet: z.string(),
  highlights: z.array(highlightDto),
  url: z.string(),
  score: z.number(),
});
export type SearchHitDto = z.infer<typeof searchHitDto>;

export const searchResultDto = z.object({
  items: z.array(searchHitDto),
  nextCursor: z.string().nullable(),
  /** Present when nothing matched the words as written and the results are for these corrected words ("unemplyment" → "unemployment"). */
  correctedQuery: z.string().optional(),
});
export type SearchResultDto = z.infer<typeof searchResultDto>;

const similarLimit = z.coerce.number().int().min(1).max(20).default(5);

export const similarQuery = z.strictObject({ limit: similarLimit });

export const similarInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'Give the claim’s words in `text`.')
    .max(MAX_SIMILAR_TEXT_LENGTH, `At most ${MAX_SIMILAR_TEXT_LENGTH} characters.`)
    .refine((t) => !hasBadText(t), noBadText),
  limit: z.number().int().min(1).max(20).default(5),
});

const similarClaimDto = z.object({
  claim: z.object({
    id: z.string(),
    quote: z.object({ exact: z.string() }),
    claimReviewed: z.string(),
    claimant: z.string().nullable(),
    rating: z.object({ id: z.string(), label: z.string() }).nullable(),
    /** IMPORTED: another fact-checker's published ClaimReview (read-only; no article here). */
    status: z.enum(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'IMPORTED']),
    articleId: z.string().nullable(),
    /** The newsroom's article, or for an imported claim the review's publisher. */
    articleTitle: z.string(),
    /** The public fact-check when the claim is published (another fact-checker's review page when imported), else the newsroom's editor. */
    url: z.string(),
    isPublished: z.boolean(),
    origin: z.enum(['newsroom', 'imported']),
    publisher: z.string(),
    /** When it was said, else when it was last changed (ISO 8601). */
    date: z.string(),
  }),
  score: z.number(),
  /** True when an editor recorded this one as the same claim. */
  isSameClaim: z.boolean(),
});
export type SimilarClaimDto = z.infer<typeof similarClaimDto>;

export const similarResultDto = z.object({ items: z.array(similarClaimDto) });
export type SimilarResultDto = z.infer<typeof similarResultDto>;

export const sameClaimInput = z.strictObject({ claimId: idSchema });

export const sameClaimDto = z.object({
  id: z.string(),
  exact: z.string(),
  claimReviewed: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  ratingLabel: z.string().nullable(),
  status: z.string(),
  /** The public fact-check of the other claim while it is published, else null. */
  publicUrl: z.string().nullable(),
});
