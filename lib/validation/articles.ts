import { z } from 'zod';
import { httpUrl, int4, isoDate, isStorableDate, STORABLE_DATE_MESSAGE } from './common';
import { hasBadText, storableText } from './text';

/** 2 MB of text, as the issue promises; as editor JSON it is larger, which the body limit allows for. */
export const MAX_ARTICLE_CHARS = 2 * 1024 * 1024;
/** An uploaded file: as large as an API request body may be (README, "Limits"). */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const MAX_TITLE_CHARS = 300;

/** An article's title as the editor and the API accept it. */
export const articleTitle = z
  .string()
  .trim()
  .min(1, 'Enter a title.')
  .max(MAX_TITLE_CHARS, `Use at most ${MAX_TITLE_CHARS} characters.`)
  .refine((value) => !hasBadText(value), 'Remove the NUL character (U+0000) or the broken UTF-16 surrogate.');

/** A title typed into a form, optional (empty means "from the article"). */
export const optionalTitleInput = z.strictObject({ title: articleTitle.optional() });

/** A title taken from a file name or a fetched page: made storable and cut to the limit rather than refused. */
export function derivedTitle(value: string | null | undefined): string | null {
  const clean = storableText(value ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return null;
  if (clean.length <= MAX_TITLE_CHARS) return clean;
  return `${clean
    .slice(0, MAX_TITLE_CHARS - 1)
    .replace(/[\uD800-\uDBFF]$/, '')
    .trimEnd()}…`;
}

export const createArticleFromText = z.strictObject({
  title: articleTitle.optional(),
  format: z.enum(['text', 'markdown', 'html']),
  body: z.string().min(1, 'The article is empty.').max(MAX_ARTICLE_CHARS, 'The article is longer than 2 MB of text.'),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a language tag such as en or pt-BR.')
    .optional(),
});
export const createArticleFromUrl = z.strictObject({
  url: httpUrl,
  title: articleTitle.optional(),
});
export const createArticleInput = z.union([createArticleFromText, createArticleFromUrl]);
export type CreateArticleInput = z.infer<typeof createArticleInput>;

export const updateArticleInput = z.strictObject({
  baseVersion: int4(1),
  title: articleTitle.optional(),
  content: z.record(z.string(), z.unknown()).optional().describe('Tiptap/ProseMirror JSON of the editor schema.'),
  deleteClaims: z
    .array(z.uuid())
    .max(1000)
    .optional()
    .describe('Claims whose highlights were removed and that are to be deleted rather than kept detached.'),
});
export type UpdateArticleInput = z.infer<typeof updateArticleInput>;

export const createClaimInput = z.union([
  z.strictObject({
    quote: z.strictObject({
      exact: z.string().min(1, 'Give the words of the claim.').max(5000),
      prefix: z.string().max(500).optional(),
      suffix: z.string().max(500).optional(),
    }),
  }),
  z.strictObject({
    position: z
      .strictObject({ start: int4(0), end: int4(1) })
      .refine((p) => p.end > p.start, 'end must be after start.'),
  }),
]);
export type CreateClaimInput = z.infer<typeof createClaimInput>;

export const claimDto = z.object({
  id: z.string(),
  articleId: z.string(),
  version: z.number().int(),
  status: z.enum(['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED']),
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  position: z.object({ start: z.number().int(), end: z.number().int() }),
  statedClaim: z.string(),
  claimReviewed: z.string(),
  claimant: z.string().nullable(),
  claimantRole: z.string().nullable(),
  claimDate: isoDate.nullable(),
  appearanceUrl: z.string().nullable(),
  rating: z.object({ id: z.string(), label: z.string(), colour: z.string() }).nullable(),
  shortVerdict: z.string().nullable(),
  detached: z.boolean().describe('Its highlight was removed; the quote is its last words.'),
  deletedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type ClaimDto = z.infer<typeof claimDto>;

export const articleSummaryDto = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(['DRAFT', 'PUBLISHED', 'RETRACTED']),
  version: z.number().int(),
  claimCount: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const articleDto = articleSummaryDto.extend({
  sourceUrl: z.string().nullable(),
  publisher: z.string().nullable(),
  byline: z.string().nullable(),
  originalPublishedAt: isoDate.nullable(),
  language: z.string(),
  content: z.record(z.string(), z.unknown()),
  plainText: z.string(),
  claims: z.array(claimDto),
});
export type ArticleDto = z.infer<typeof articleDto>;

const omittedItemDto = z.object({
  kind: z.enum(['image', 'video', 'audio', 'frame', 'embed', 'graphic']),
  description: z.string().nullable().describe('Its alt text or title, when it had one.'),
  url: z.string().nullable().describe('Its http(s) address, when it had one (embedded images have none).'),
});
export type OmittedItem = z.infer<typeof omittedItemDto>;

/** A new article, with what its import left out: images it could not fetch or keep, video, audio, frames. */
export const createdArticleDto = articleDto.extend({
  omitted: z
    .array(omittedItemDto)
    .describe(
      'Media the import left out (at most 100 listed): images, video, audio, frames, embedded objects, graphics. Empty when nothing was.',
    ),
});
export type CreatedArticleDto = z.infer<typeof createdArticleDto>;

export const assignmentInput = z.strictObject({
  factCheckerId: z.string().min(1).max(64).nullable(),
  reviewerId: z.string().min(1).max(64).nullable(),
  dueDate: z.iso
    .date({ error: 'Use a date such as 2025-09-01.' })
    .refine(isStorableDate, STORABLE_DATE_MESSAGE)
    .nullable(),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const assignmentDto = z.object({
  factChecker: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewer: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
});

export const publishInput = z.strictObject({ correctionNote: z.string().trim().max(2000).optional() });
export const publicationDto = z.object({ id: z.string(), number: z.number().int(), url: z.string() });
export const retractInput = z.strictObject({
  reason: z.string().trim().min(1, 'Say why the fact-check is retracted.').max(2000),
});
export const retractionDto = z.object({ id: z.string(), reason: z.string(), retractedAt: isoDate, url: z.string() });
export const publicationListItemDto = z.object({
  id: z.string(),
  number: z.number().int(),
  url: z.string(),
  publishedAt: isoDate,
  correctionNote: z.string().nullable(),
});
