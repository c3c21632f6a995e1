import { pageQuery, type PageQuery } from '@/lib/validation/common';

/**
 * A page's `?after=` as a page query of `size` rows. An address whose cursor is not an id shows the first page;
 * `paged` says whether the page goes on from a cursor (it then offers a link back to the first).
 */
export function cursorPage(after: string | string[] | undefined, size: number): { query: PageQuery; paged: boolean } {
  const parsed = pageQuery.safeParse({ limit: size, cursor: typeof after === 'string' ? after : undefined });
  const query = parsed.success ? parsed.data : { limit: size };
  return { query, paged: query.cursor !== undefined };
}

/** Prisma arguments for cursor paging by id, newest first (the API's lists: `{items, nextCursor}`). */
export function pageArgs(query: PageQuery) {
  return {
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
  };
}

export function toPage<T extends { id: string }, D>(rows: T[], query: PageQuery, toDto: (row: T) => D) {
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  return { items: items.map(toDto), nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}
