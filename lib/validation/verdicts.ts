import { z } from 'zod';
import messages from '@/lib/i18n/messages/en.json' with { type: 'json' };
import { claimDto } from './articles';
import { boundedDate, httpUrl, idSchema, int4, isoDate } from './common';
import { exceedsJsonSize } from './json-shape';

export const sourceKinds = ['primary', 'official-data', 'expert', 'news', 'other'] as const;
const sourceKindSchema = z.enum(sourceKinds);
export type SourceKindName = (typeof sourceKinds)[number];
/** How each source kind is named to people, in forms and the review page: the message catalog's words. */
export const sourceKindLabels: Record<SourceKindName, string> = messages.sourceKind;

/** An explanation's bounds, the same whether it is sent as text or as editor JSON. */
const MAX_EXPLANATION_CHARACTERS = 100_000;
const MAX_EXPLANATION_NODES = 20_000;

const dateInput = boundedDate('Use a date such as 2025-08-17.');
const nullableText = (max: number) =>
  z.string().trim().max(max, `Use at most ${max} characters.`).nullable().optional();

export const updateClaimInput = z.strictObject({
  baseVersion: int4(1),
  statedClaim: z.string().trim().max(5000).optional(),
  claimReviewed: z.string().trim().max(75, 'Use at most 75 characters.').optional(),
  claimant: nullableText(200),
  claimantRole: nullableText(200),
  claimDate: dateInput.nullable().optional(),
  appearanceUrl: z.union([httpUrl, z.null()]).optional(),
  rating: idSchema.nullable().optional().describe('The id of an active rating of the scale.'),
  shortVerdict: z.string().trim().max(280, 'Use at most 280 characters.').optional(),
  explanation: z
    .union([
      z
        .string()
        .max(MAX_EXPLANATION_CHARACTERS, `Use at most ${MAX_EXPLANATION_CHARACTERS.toLocaleString('en')} characters.`),
      z.record(z.string(), z.unknown()).superRefine((doc, ctx) => {
        const over = exceedsJsonSize(doc, { characters: MAX_EXPLANATION_CHARACTERS, objects: MAX_EXPLANATION_NODES });
        if (over === 'characters')
          ctx.addIssue({
            code: 'custom',
            message: `Use at most ${MAX_EXPLANATION_CHARACTERS.toLocaleString('en')} characters.`,
          });
        if (over === 'objects')
          ctx.addIssue({
            code: 'custom',
            message: `Use at most ${MAX_EXPLANATION_NODES.toLocaleString('en')} paragraphs, list items and marks.`,
          });
      }),
      z.null(),
    ])
    .optional()
    .describe('Tiptap JSON, or a plain string whose lines become paragraphs.'),
});
export type UpdateClaimInput = z.infer<typeof updateClaimInput>;

export const addSourceInput = z.union([
  z.strictObject({
    url: httpUrl,
    title: z.string().trim().max(500).optional(),
    publisher: z.string().trim().max(200).optional(),
    publishedAt: dateInput.optional(),
    kind: sourceKindSchema.default('other'),
    excerpt: z.string().trim().max(5000).optional(),
    archivedUrl: httpUrl.optional(),
  }),
  z.strictObject({ sourceId: idSchema, excerpt: z.string().trim().max(5000).optional() }),
]);
export type AddSourceInput = z.infer<typeof addSourceInput>;

export const updateSourceInput = z.strictObject({
  title: z.string().trim().min(1).max(500).optional(),
  publisher: nullableText(200),
  publishedAt: dateInput.nullable().optional(),
  kind: sourceKindSchema.optional(),
  excerpt: z.string().trim().max(5000).optional(),
  archivedUrl: z.union([httpUrl, z.null()]).optional(),
  position: z.number().int().min(0).max(1000).optional().describe('New place in the claim’s list, from 0.'),
});
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;

export const sourceDto = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  publishedAt: isoDate.nullable(),
  accessedAt: isoDate.nullable(),
  archivedUrl: z.string().nullable(),
  kind: sourceKindSchema,
});
const claimSourceDto = sourceDto.extend({ excerpt: z.string(), position: z.number().int() });

/** A claim with its verdict's explanation, its sources and its last review: the claim panel's view. */
export const claimDetailDto = claimDto.extend({
  explanation: z.record(z.string(), z.unknown()).nullable(),
  sources: z.array(claimSourceDto),
  lastReview: z
    .object({
      decision: z.enum(['approve', 'request_changes']),
      comment: z.string().nullable(),
      reviewer: z.string().nullable(),
      claimVersion: z.number().int(),
      createdAt: isoDate,
    })
    .nullable(),
});
export type ClaimDetailDto = z.infer<typeof claimDetailDto>;
