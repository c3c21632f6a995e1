import { z } from 'zod';

/** `GET /api/v1/articles/{id}/suggestions?limit=`: how many suggestions at most (1–100, default 20). */
export const suggestionsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });

const suggestionDto = z.object({
  quote: z
    .object({ exact: z.string(), prefix: z.string(), suffix: z.string() })
    .describe('W3C TextQuoteSelector of the suggested words'),
  position: z
    .object({ start: z.number().int(), end: z.number().int() })
    .describe('W3C TextPositionSelector in the article’s plain text, as claims’ positions'),
  score: z.number().describe('Check-worthiness, 0 to 1'),
  reasons: z
    .array(z.string())
    .describe('Why, in short words: "a percentage (28)", "a superlative (highest)", "names Anna Kowalski"'),
});

export const suggestionsDto = z.object({ items: z.array(suggestionDto) });
export type SuggestionsDto = z.infer<typeof suggestionsDto>;
