import 'server-only';
import { authorize, permissions, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { ProgressCounts } from '@/lib/validation/views';

export type { ProgressCounts };

export interface DashboardData {
  myArticles: { id: string; title: string; progress: ProgressCounts; dueDate: string | null }[];
  myQueue: { claimId: string; quote: string; articleTitle: string }[];
  articlesByState: { state: string; count: number }[];
  verdictsByRating: { label: string; colour: string; count: number }[];
}

const emptyProgress = (): ProgressCounts => ({ draft: 0, inReview: 0, changesRequested: 0, approved: 0 });
const statusKey = {
  DRAFT: 'draft',
  IN_REVIEW: 'inReview',
  CHANGES_REQUESTED: 'changesRequested',
  APPROVED: 'approved',
} as const;

/** Where staff land: their articles and review progress, their queue, and the newsroom's figures. */
export async function getDashboard(actor: Actor | null): Promise<DashboardData> {
  authorize(actor, 'readNewsroom');
  const since = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  const [articles, claimCounts, byState, recentApprovals, queue] = await Promise.all([
    db().article.findMany({
      where: {
        deletedAt: null,
        OR: [{ factCheckerId: actor.id }, { createdById: actor.id }, { reviewerId: actor.id }],
      },
      orderBy: { updatedAt: 'desc' },
      take: 20,
      select: { id: true, title: true, dueDate: true },
    }),
    db().claim.groupBy({
      by: ['articleId', 'status'],
      where: { deletedAt: null, detachedAt: null },
      _count: { _all: true },
    }),
    db().article.groupBy({ by: ['status'], where: { deletedAt: null }, _count: { _all: true } }),
    db().review.findMany({
      where: { decision: 'APPROVED', createdAt: { gte: since } },
      select: {
        claim: {
          select: { verdict: { select: { rating: { select: { label: true, colour: true, position: true } } } } },
        },
      },
    }),
    permissions.reviewClaims(actor)
      ? db().claim.findMany({
          where: {
            status: 'IN_REVIEW',
            deletedAt: null,
            article: { deletedAt: null, OR: [{ reviewerId: actor.id }, { reviewerId: null }] },
          },
          // Claims of articles assigned to this reviewer first, then the unassigned ones, oldest first in each.
          orderBy: [{ article: { reviewerId: { sort: 'asc', nulls: 'last' } } }, { updatedAt: 'asc' }],
          take: 10,
          select: { id: true, exact: true, article: { select: { title: true } } },
        })
      : Promise.resolve([]),
  ]);
  const progress = new Map<string, ProgressCounts>();
  for (const row of claimCounts) {
    const p = progress.get(row.articleId) ?? emptyProgress();
    p[statusKey[row.status]] += row._count._all;
    progress.set(row.articleId, p);
  }
  const ratings = new Map<string, { label: string; colour: string; count: number; position: number }>();
  for (const r of recentApprovals) {
    const rating = r.claim.verdict?.rating;
    if (!rating) continue;
    const entry = ratings.get(rating.label) ?? { ...rating, count: 0 };
    entry.count++;
    ratings.set(rating.label, entry);
  }
  return {
    myArticles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      progress: progress.get(a.id) ?? emptyProgress(),
      dueDate: a.dueDate?.toISOString() ?? null,
    })),
    myQueue: queue.map((c) => ({ claimId: c.id, quote: c.exact, articleTitle: c.article.title })),
    articlesByState: byState.map((s) => ({ state: s.status, count: s._count._all })),
    verdictsByRating: [...ratings.values()]
      .sort((a, b) => a.position - b.position)
      .map(({ label, colour, count }) => ({ label, colour, count })),
  };
}
