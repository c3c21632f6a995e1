import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleListQuery } from '@/lib/validation/staff-lists';
import { assigneeWhere, dueWhere, LIST_PAGE_SIZE, type ListPage } from './staff-list-filters';

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
