import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleListQuery, ReviewQueueQuery } from '@/lib/validation/staff-lists';

export const LIST_PAGE_SIZE = 20;
const DAY = 24 * 60 * 60 * 1000;

export interface ArticleListItem {
  id: string;
  title: string;
  status: 'DRAFT' | 'PUBLISHED' | 'RETRACTED';
  isSample: boolean;
  claimCount: number;
  dueDate: string | null;
  updatedAt: string;
  factChecker: string | null;
  reviewer: string | null;
}

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

const defaultDir = { updated: 'desc', created: 'desc', title: 'asc', due: 'asc' } as const;

/** One page of the newsroom's articles, searched by title, filtered by state, assignee and due date, and sorted. */
export async function findArticlesPage(
  actor: Actor | null,
  query: ArticleListQuery,
): Promise<ListPage<ArticleListItem>> {
  authorize(actor, 'readNewsroom');
  const where: Prisma.ArticleWhereInput = {
    AND: [
      { deletedAt: null },
      query.q ? { title: { contains: query.q, mode: 'insensitive' } } : {},
      query.state ? { status: query.state } : {},
      assigneeWhere(actor, query.assignee, ['factCheckerId', 'reviewerId']),
      dueWhere(query.due),
    ],
  };
  const dir = query.dir ?? defaultDir[query.sort];
  const orderBy: Prisma.ArticleOrderByWithRelationInput[] =
    query.sort === 'title'
      ? [{ title: dir }]
      : query.sort === 'due'
        ? [{ dueDate: { sort: dir, nulls: 'last' } }]
        : query.sort === 'created'
          ? [{ createdAt: dir }]
          : [{ updatedAt: dir }];
  const total = await db().article.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db().article.findMany({
    where,
    orderBy: [...orderBy, { id: 'asc' }],
    skip: (page - 1) * LIST_PAGE_SIZE,
    take: LIST_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      status: true,
      isSample: true,
      dueDate: true,
      updatedAt: true,
      factChecker: { select: { name: true } },
      reviewer: { select: { name: true } },
      _count: { select: { claims: { where: { deletedAt: null, detachedAt: null } } } },
    },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      isSample: r.isSample,
      claimCount: r._count.claims,
      dueDate: r.dueDate?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      factChecker: r.factChecker?.name ?? null,
      reviewer: r.reviewer?.name ?? null,
    })),
    total,
    page,
    pageCount,
  };
}
