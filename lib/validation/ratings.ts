import { z } from 'zod';
import { contrastWithWhite } from '@/lib/editor/contrast';

const MIN_CONTRAST = 4.5;

const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #b91c1c.')
  .refine((c) => contrastWithWhite(c) >= MIN_CONTRAST, {
    message: `White text on this colour is too faint: the contrast must be at least ${MIN_CONTRAST}:1.`,
  });

export const createRatingInput = z.strictObject({
  label: z.string().trim().min(1, 'Enter a label.').max(60),
  description: z.string().trim().max(1000).default(''),
  colour,
  value: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .nullable()
    .default(null)
    .describe('Higher is truer; null for non-ordinal ratings such as "Unverifiable".'),
  position: z.number().int().min(0).max(1000).optional(),
});
export const updateRatingInput = z.strictObject({
  label: z.string().trim().min(1, 'Enter a label.').max(60).optional(),
  description: z.string().trim().max(1000).optional(),
  colour: colour.optional(),
  value: z.number().int().min(-100).max(100).nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export type CreateRatingInput = z.infer<typeof createRatingInput>;
export type UpdateRatingInput = z.infer<typeof updateRatingInput>;

export const ratingDto = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  colour: z.string(),
  position: z.number().int(),
  value: z.number().int().nullable(),
  active: z.boolean(),
});
export type RatingDto = z.infer<typeof ratingDto>;

export const ratingScaleDto = z.object({
  items: z.array(ratingDto),
  nextCursor: z.null(),
  bestRating: z.number().int().nullable(),
  worstRating: z.number().int().nullable(),
});
