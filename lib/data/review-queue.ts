import 'server-only';
import { authorize, permissions, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ReviewQueueQuery } from '@/lib/validation/staff-lists';
import { assigneeWhere, dueWhere, LIST_PAGE_SIZE, type ListPage } from './article-list';

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

/** One page of the claims in review: searched by words or article title, filtered by article, editor, assigned reviewer and due date. */
export async function findReviewQueuePage(
  actor: Actor | null,
  query: ReviewQueueQuery,
): Promise<ListPage<QueueItem> & { articles: { id: string; title: string }[]; editors: { id: string; name: string }[] }> {
  authorize(actor, 'reviewClaims');
  const inReview: Prisma.ClaimWhereInput = { status: 'IN_REVIEW', deletedAt: null, article: { deletedAt: null } };
  const where: Prisma.ClaimWhereInput = {
    AND: [
      inReview,
      query.q ? { OR: [{ exact: { contains: query.q, mode: 'insensitive' } }, { article: { title: { contains: query.q, mode: 'insensitive' } } }] } : {},
      query.article ? { articleId: query.article } : {},
      query.editor ? { updatedById: query.editor } : {},
      { article: { AND: [assigneeWhere(actor, query.assignee, ['reviewerId']), dueWhere(query.due)] } },
    ],
  };
  const dir = query.dir ?? 'asc';
  const orderBy: Prisma.ClaimOrderByWithRelationInput[] =
    query.sort === 'due'
      ? [{ article: { dueDate: { sort: dir, nulls: 'last' } } }, { submittedAt: 'asc' }]
      : query.sort === 'article'
        ? [{ article: { title: dir } }, { start: 'asc' }]
        : [{ submittedAt: { sort: dir, nulls: 'first' } }, { updatedAt: dir }];
  const [total, articles, editors] = await Promise.all([
    db().claim.count({ where }),
    db().article.findMany({ where: { deletedAt: null, claims: { some: inReview } }, orderBy: { title: 'asc' }, take: 200, select: { id: true, title: true } }),
    db().user.findMany({ where: { claimsUpdated: { some: inReview } }, orderBy: { name: 'asc' }, take: 200, select: { id: true, name: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db().claim.findMany({
    where,
    orderBy: [...orderBy, { id: 'asc' }],
    skip: (page - 1) * LIST_PAGE_SIZE,
    take: LIST_PAGE_SIZE,
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
    total,
    page,
    pageCount,
    articles,
    editors,
  };
}
