import { z } from 'zod';

export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id.');
export const isoDate = z.iso.datetime({ offset: true });

export const httpUrl = z.url({ protocol: /^https?$/, error: 'Enter an http:// or https:// address.' }).max(2048);

/** Cursor paging for every list: `?cursor=…&limit=…` in, `{items, nextCursor}` out. */
export const pageQuery = z.strictObject({
  cursor: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const emptyBody = z.strictObject({});
