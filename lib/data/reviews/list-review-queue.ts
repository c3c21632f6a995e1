import 'server-only';
import { authorize, permissions, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ReviewQueueQuery } from '@/lib/validation/staff-lists';
import { assigneeWhere, dueWhere, LIST_PAGE_SIZE, type ListPage } from '@/lib/data/articles/staff-list-filters';

export interface QueueItem {
  claimId: string;
  articleId: string;
  articleTitle: string;
  quote: string;
  editor: { id: string; name: string } | null;
  reviewer: string | null;
  rating: string | null;
  submittedAt: string;
  dueDate: string | null;
  canApprove: boolean;
}

/** How much of the queue to read: the /review page wants one page with its count and filter choices (QUEUE_PAGE); the API and "next in queue" want the first 200, oldest first (WHOLE_QUEUE). */
export interface QueueWindow {
  pageSize: number;
  /** Count the matches and list the articles and editors to filter by. */
  withFacets: boolean;
  /** Where claims submitted before submission times were recorded sort, oldest first. */
  unsubmitted: 'first' | 'last';
}

const QUEUE_PAGE: QueueWindow = { pageSize: LIST_PAGE_SIZE, withFacets: true, unsubmitted: 'first' };
export const WHOLE_QUEUE: QueueWindow = { pageSize: 200, withFacets: false, unsubmitted: 'last' };

export type ReviewQueuePage = ListPage<QueueItem> & {
  articles: { id: string; title: string }[];
  editors: { id: string; name: string }[];
  /** The API's list shape: the queue has no further pages to ask for. */
  nextCursor: null;
};

/**
 * The one reader of the claims in review: searched by words or article title, filtered by article, editor, assigned
 * reviewer and due date, oldest submission first unless sorted otherwise; one page at a time, or the whole queue.
 */
export async function listReviewQueue(
  actor: Actor | null,
  query: Partial<ReviewQueueQuery>,
  window: QueueWindow = QUEUE_PAGE,
): Promise<ReviewQueuePage> {
  authorize(actor, 'reviewClaims');
  const inReview: Prisma.ClaimWhereInput = { status: 'IN_REVIEW', deletedAt: null, article: { deletedAt: null } };
  const where: Prisma.ClaimWhereInput = {
    AND: [
      inReview,
      query.q
        ? {
            OR: [
              { exact: { contains: query.q, mode: 'insensitive' } },
              { article: { title: { contains: query.q, mode: 'insensitive' } } },
            ],
          }
        : {},
      query.article ? { articleId: query.article } : {},
      query.editor ? { updatedById: query.editor } : {},
      { article: { AND: [assigneeWhere(actor, query.assignee, ['reviewerId']), dueWhere(query.due)] } },
    ],
  };
  const dir = query.dir ?? 'asc';
  const sort = query.sort ?? 'submitted';
  const orderBy: Prisma.ClaimOrderByWithRelationInput[] =
    sort === 'due'
      ? [{ article: { dueDate: { sort: dir, nulls: 'last' } } }, { submittedAt: 'asc' }]
      : sort === 'article'
        ? [{ article: { title: dir } }, { start: 'asc' }]
        : [{ submittedAt: { sort: dir, nulls: window.unsubmitted } }, { updatedAt: dir }];
  const [total, articles, editors] = window.withFacets
    ? await Promise.all([
        db().claim.count({ where }),
        db().article.findMany({
          where: { deletedAt: null, claims: { some: inReview } },
          orderBy: { title: 'asc' },
          take: 200,
          select: { id: true, title: true },
        }),
        db().user.findMany({
          where: { claimsUpdated: { some: inReview } },
          orderBy: { name: 'asc' },
          take: 200,
          select: { id: true, name: true },
        }),
      ])
    : [null, [], []];
  const pageCount = total === null ? 1 : Math.max(1, Math.ceil(total / window.pageSize));
  const page = Math.min(query.page ?? 1, pageCount);
  const rows = await db().claim.findMany({
    where,
    orderBy: [...orderBy, { id: 'asc' }],
    skip: (page - 1) * window.pageSize,
    take: window.pageSize,
    include: {
      article: { select: { title: true, dueDate: true, reviewer: { select: { name: true } } } },
      updatedBy: { select: { id: true, name: true } },
      verdict: { include: { rating: true } },
    },
  });
  return {
    items: rows.map((c) => ({
      claimId: c.id,
      articleId: c.articleId,
      articleTitle: c.article.title,
      quote: c.exact,
      editor: c.updatedBy,
      reviewer: c.article.reviewer?.name ?? null,
      rating: c.verdict?.rating?.label ?? null,
      submittedAt: (c.submittedAt ?? c.updatedAt).toISOString(),
      dueDate: c.article.dueDate?.toISOString() ?? null,
      canApprove: permissions.approveVerdict(actor, { authorIds: c.authorIds }),
    })),
    total: total ?? rows.length,
    page,
    pageCount,
    articles,
    editors,
    nextCursor: null,
  };
}
