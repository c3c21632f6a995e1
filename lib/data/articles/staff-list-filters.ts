import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleListQuery, ReviewQueueQuery } from '@/lib/validation/staff-lists';

// What the staff's article list and review queue share: their page size and shape, and their assignee and due filters.
export const LIST_PAGE_SIZE = 20;
const DAY = 24 * 60 * 60 * 1000;

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

/** The Prisma condition for an assignee filter on an article's fact-checker or reviewer. */
export function assigneeWhere(
  actor: Actor,
  assignee: string | undefined,
  roles: ('factCheckerId' | 'reviewerId')[],
): Prisma.ArticleWhereInput {
  if (!assignee) return {};
  if (assignee === 'none') return { AND: roles.map((r) => ({ [r]: null })) };
  const id = assignee === 'me' ? actor.id : assignee;
  return { OR: roles.map((r) => ({ [r]: id })) };
}

/** The Prisma condition for a due-date filter; "overdue" counts only articles not yet published. */
export function dueWhere(due: ArticleListQuery['due'] | ReviewQueueQuery['due']): Prisma.ArticleWhereInput {
  // Due dates are calendar days at midnight UTC: an article due today is not yet overdue.
  const today = new Date(new Date().toISOString().slice(0, 10));
  switch (due) {
    case 'overdue':
      return { dueDate: { lt: today }, status: 'DRAFT' };
    case 'week':
      return { dueDate: { gte: today, lt: new Date(today.getTime() + 8 * DAY) } };
    case 'set':
      return { dueDate: { not: null } };
    case 'none':
      return { dueDate: null };
    default:
      return {};
  }
}
