import 'server-only';
import { authorize, permissions, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import type { ReviewInput } from '@/lib/validation/reviews';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { recordAudit } from './audit';
import { claimDetailInclude, toClaimDetailDto } from './claim-detail';
import { claimSnapshot, snapshotDiff, type FieldChange } from './claim-snapshot';
import { notify } from './notifications';

const authorsOf = (c: { createdById: string | null; updatedById: string | null; verdict: { authorId: string | null; updatedById: string | null } | null }) => [
  c.verdict?.authorId ?? null,
  c.verdict?.updatedById ?? null,
  c.updatedById,
];

/**
 * Approves a claim in review or sends it back with a comment. The four-eyes rule: whoever wrote or last
 * changed the verdict, its sources or its words cannot review it (403).
 */
export async function reviewClaim(actor: Actor | null, claimId: string, input: ReviewInput) {
  authorize(actor, 'reviewClaims');
  return db().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, deletedAt: null }, include: claimDetailInclude });
    if (!claim) throw notFound('No claim with this id.');
    if (!permissions.approveVerdict(actor, { authorIds: authorsOf(claim) })) {
      throw new AppError('FORBIDDEN', 'You wrote or last changed this verdict: another reviewer must review it.');
    }
    if (claim.status !== 'IN_REVIEW') throw new AppError('CONFLICT', `The claim is not in review (it is ${claim.status.toLowerCase().replace('_', ' ')}).`);
    const approve = input.decision === 'approve';
    const snapshot = claimSnapshot(toClaimDetailDto(claim));
    const review = await tx.review.create({
      data: { claimId, reviewerId: actor.id, decision: approve ? 'APPROVED' : 'CHANGES_REQUESTED', comment: input.comment ?? null, claimVersion: claim.version, snapshot },
    });
    await tx.claim.update({ where: { id: claimId }, data: { status: approve ? 'APPROVED' : 'CHANGES_REQUESTED' } });
    if (input.comment) await tx.comment.create({ data: { claimId, authorId: actor.id, body: input.comment } });
    await notify(tx, actor, approve ? 'approved' : 'changes_requested', claimId, [claim.updatedById, claim.verdict?.authorId, claim.createdById]);
    await recordAudit(tx, actor, {
      action: approve ? 'review.approve' : 'review.request-changes',
      entityType: 'Claim',
      entityId: claimId,
      before: { status: 'IN_REVIEW' },
      after: { status: approve ? 'APPROVED' : 'CHANGES_REQUESTED', comment: input.comment ?? null, claimVersion: claim.version },
    });
    return {
      id: review.id,
      claimId,
      decision: input.decision,
      comment: review.comment,
      claimVersion: review.claimVersion,
      reviewer: { id: actor.id, name: actor.name },
      createdAt: review.createdAt.toISOString(),
    };
  });
}

/** Every claim in review across articles, oldest first. */
export async function listReviewQueue(actor: Actor | null, filters: { article?: string; editor?: string } = {}) {
  authorize(actor, 'reviewClaims');
  const rows = await db().claim.findMany({
    where: {
      status: 'IN_REVIEW',
      deletedAt: null,
      article: { deletedAt: null },
      ...(filters.article ? { articleId: filters.article } : {}),
      ...(filters.editor ? { updatedById: filters.editor } : {}),
    },
    orderBy: { updatedAt: 'asc' },
    take: 200,
    include: { article: { select: { title: true } }, updatedBy: { select: { id: true, name: true } }, verdict: { include: { rating: true } } },
  });
  return {
    items: rows.map((c) => ({
      claimId: c.id,
      articleId: c.articleId,
      articleTitle: c.article.title,
      quote: c.exact,
      editor: c.updatedBy,
      rating: c.verdict?.rating?.label ?? null,
      submittedAt: c.updatedAt.toISOString(),
      canApprove: permissions.approveVerdict(actor, { authorIds: authorsOf(c) }),
    })),
    nextCursor: null,
  };
}

export interface ReviewView {
  claim: ClaimDetailDto;
  articleTitle: string;
  paragraph: { before: string; words: string; after: string };
  changes: FieldChange[] | null;
  lastReview: { decision: string; comment: string | null; reviewer: string | null; createdAt: string } | null;
  canReview: boolean;
}

/** What the review screen shows: the claim in its paragraph, and what changed since the last review. */
export async function getReviewView(actor: Actor | null, claimId: string): Promise<ReviewView> {
  authorize(actor, 'readNewsroom');
  const claim = await db().claim.findFirst({ where: { id: claimId, deletedAt: null }, include: { ...claimDetailInclude, article: true } });
  if (!claim) throw notFound('No claim with this id.');
  const last = await db().review.findFirst({ where: { claimId }, orderBy: { createdAt: 'desc' }, include: { reviewer: { select: { name: true } } } });
  const detail = toClaimDetailDto(claim);
  const text = claim.article.plainText;
  const start = text.lastIndexOf('\n', claim.start - 1) + 1;
  const endBreak = text.indexOf('\n', claim.end);
  const end = endBreak === -1 ? text.length : endBreak;
  return {
    claim: detail,
    articleTitle: claim.article.title,
    paragraph: { before: text.slice(start, claim.start), words: text.slice(claim.start, claim.end), after: text.slice(claim.end, end) },
    changes: last ? snapshotDiff(last.snapshot as Record<string, string>, claimSnapshot(detail)) : null,
    lastReview: last && { decision: last.decision, comment: last.comment, reviewer: last.reviewer?.name ?? null, createdAt: last.createdAt.toISOString() },
    canReview: permissions.reviewClaims(actor) && permissions.approveVerdict(actor, { authorIds: authorsOf(claim) }) && claim.status === 'IN_REVIEW',
  };
}
