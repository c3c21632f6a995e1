import { z } from 'zod';
import { idSchema } from './common';

// Staff list pages read their filters from the address: a value that does not fit is dropped, not an error page.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const text = optional(z.string().trim().min(1).max(200));
/** A person: "me", "none" (nobody assigned) or a user id. */
const assignee = optional(z.union([z.literal('me'), z.literal('none'), idSchema]));
/** Due date: past and not yet done, due within 7 days, any due date, or none. */
const due = optional(z.enum(['overdue', 'week', 'set', 'none']));
const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
const dir = optional(z.enum(['asc', 'desc']));

export const articleListQuery = z.object({
  q: text,
  state: optional(z.enum(['DRAFT', 'PUBLISHED', 'RETRACTED'])),
  assignee,
  due,
  sort: z.enum(['updated', 'title', 'due', 'created']).catch('updated').default('updated'),
  dir,
  page,
});
export type ArticleListQuery = z.infer<typeof articleListQuery>;

export const reviewQueueQuery = z.object({
  q: text,
  article: optional(idSchema),
  editor: optional(idSchema),
  assignee,
  due,
  sort: z.enum(['submitted', 'due', 'article']).catch('submitted').default('submitted'),
  dir,
  page,
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;

/** Only the string values of a page's search params (repeated keys keep their first value). */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value) out[k] = value;
  }
  return out;
}
