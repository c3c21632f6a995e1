import 'server-only';
import { createHash } from 'node:crypto';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db, type Tx } from '@/lib/db';
import { notFound, type FieldError } from '@/lib/errors';
import { publicationState } from '@/lib/publishing/publication-state';
import { publicationStateSelect } from '@/lib/data/articles/lifecycle';
import { publishProblems } from './publish-problems';

export interface PlannedClaim {
  id: string;
  exact: string;
  rating: string | null;
  goesOut: boolean;
  /** Why a claim stays in the newsroom; null when it goes out. */
  reason: string | null;
  /** The rating readers see now on the live page, when this claim stays in: publishing withdraws that verdict. */
  withdrawnRating: string | null;
}

export interface PublishPlan {
  article: { id: string; title: string; slug: string };
  nextNumber: number;
  latest: { number: number; publishedAt: string } | null;
  retracted: { reason: string; at: string } | null;
  problems: FieldError[];
  claims: PlannedClaim[];
  /**
   * Changes whenever what publishing would do to readers changes: the version number, which claims go out with
   * which content (their version) and rating, which verdicts readers see are withdrawn. Claims that stay in the
   * newsroom without being on the live page do not count (colleagues keep marking and drafting while one publishes).
   * The Publish screen sends it back, so a plan that moved on is not published unseen.
   */
  fingerprint: string;
}

const REASONS: Record<string, string> = {
  DRAFT: 'No verdict submitted for review yet.',
  IN_REVIEW: 'Waiting for a reviewer’s approval.',
  CHANGES_REQUESTED: 'Sent back by the reviewer.',
};

/** What publishing now would do: which claims go out and which stay, and what still blocks it. */
export async function getPublishPlan(actor: Actor | null, articleId: string): Promise<PublishPlan> {
  authorize(actor, 'publishArticles');
  return db().$transaction((tx) => planIn(tx, articleId));
}

/** The plan read in the caller's transaction (publishing compares it with the one the Publish screen showed). */
export async function planIn(tx: Tx, articleId: string): Promise<PublishPlan> {
  const article = await tx.article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: {
      id: true,
      title: true,
      slug: true,
      ...publicationStateSelect,
    },
  });
  if (!article) throw notFound('No article with this id.');
  const { latest, retraction } = publicationState(article);
  const nextNumber = (latest?.number ?? 0) + 1;
  // The correction note is asked for on the form; everything else must be settled first.
  const problems = (await publishProblems(tx, articleId, nextNumber, 'form')).filter(
    (p) => p.path !== 'correctionNote',
  );
  const claims = await tx.claim.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
    select: {
      id: true,
      exact: true,
      status: true,
      version: true,
      detachedAt: true,
      verdict: { select: { rating: { select: { label: true } } } },
    },
  });
  // Claims on the live page (latest version, not retracted), with the rating readers see.
  const live = new Map<string, string>();
  if (latest && !retraction) {
    const published = await tx.publication.findFirst({
      where: { articleId, number: latest.number },
      select: { snapshot: true },
    });
    const snapshotClaims =
      (published?.snapshot as { claims?: { id?: unknown; rating?: { label?: unknown } }[] } | null)?.claims ?? [];
    for (const c of snapshotClaims)
      if (typeof c.id === 'string') live.set(c.id, typeof c.rating?.label === 'string' ? c.rating.label : '');
  }
  const planned: PlannedClaim[] = claims.map((c) => {
    const rating = c.verdict?.rating?.label ?? null;
    const isLive = live.has(c.id);
    const reason = c.detachedAt
      ? 'Detached from the text.'
      : c.status === 'DRAFT' && isLive
        ? 'Changed since it was published, so back to draft: submit it for review again.'
        : c.status !== 'APPROVED'
          ? (REASONS[c.status] ?? 'Not approved.')
          : rating
            ? null
            : 'Approved without a rating.';
    return {
      id: c.id,
      exact: c.exact,
      rating,
      goesOut: reason === null,
      reason,
      withdrawnRating: reason !== null && isLive ? (live.get(c.id) ?? '') : null,
    };
  });
  // A claim deleted from the article while readers see its verdict: publishing withdraws that verdict too.
  const kept = new Set(claims.map((c) => c.id));
  const goneIds = [...live.keys()].filter((id) => !kept.has(id));
  if (goneIds.length > 0) {
    const gone = await tx.claim.findMany({
      where: { id: { in: goneIds }, articleId },
      orderBy: [{ start: 'asc' }, { end: 'desc' }],
      select: { id: true, exact: true },
    });
    for (const c of gone)
      planned.push({
        id: c.id,
        exact: c.exact,
        rating: null,
        goesOut: false,
        reason: 'Deleted from the article.',
        withdrawnRating: live.get(c.id) ?? '',
      });
  }
  const version = new Map(claims.map((c) => [c.id, c.version]));
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        nextNumber,
        planned.filter((c) => c.goesOut).map((c) => [c.id, version.get(c.id), c.rating]),
        planned.filter((c) => c.withdrawnRating !== null).map((c) => c.id),
      ]),
    )
    .digest('base64url');
  return {
    article: { id: article.id, title: article.title, slug: article.slug },
    nextNumber,
    latest: latest ? { number: latest.number, publishedAt: latest.publishedAt.toISOString() } : null,
    retracted: retraction ? { reason: retraction.reason, at: retraction.at.toISOString() } : null,
    problems,
    claims: planned,
    fingerprint,
  };
}
