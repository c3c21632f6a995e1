import { z } from 'zod';

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id.');
export const isoDate = z.iso.datetime({ offset: true });

/** PostgreSQL's integer column (int4) holds up to 2^31 − 1: a larger number fails in validation, not in the database. */
const INT4_MAX = 2_147_483_647;
export const int4 = (min: number) =>
  z.number().int().min(min).max(INT4_MAX, `Use a whole number from ${min} to ${INT4_MAX}.`);

// Years PostgreSQL, JavaScript's Date and ISO 8601 text all agree on (an offset can push 9999-12-31 into year 10000).
const EARLIEST = Date.UTC(1000, 0, 1);
const LATEST = Date.UTC(10000, 0, 1);
/** True for a date whose instant lies in the years 1000 to 9999 (UTC), which every layer can store and print. */
export const isStorableDate = (value: string): boolean => {
  const t = Date.parse(value);
  return t >= EARLIEST && t < LATEST;
};
export const STORABLE_DATE_MESSAGE = 'Use a date between the years 1000 and 9999.';

/** A date (2025-08-17) or a date and time with offset, in years every layer can store. */
export const boundedDate = (message: string) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: message })
    .refine(isStorableDate, STORABLE_DATE_MESSAGE);

export const httpUrl = z.url({ protocol: /^https?$/, error: 'Enter an http:// or https:// address.' }).max(2048);

/** Cursor paging for every list: `?cursor=…&limit=…` in, `{items, nextCursor}` out. */
export const pageQuery = z.strictObject({
  cursor: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
