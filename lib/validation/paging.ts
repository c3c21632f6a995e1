import type { PageQuery } from '@/lib/validation/common';

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
