import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import {
  contentChanges,
  contentOfReview,
  reviewedContentOf,
  type FieldChange,
  type ReviewedContent,
} from '@/lib/review/reviewed-content';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { claimDetailInclude, toClaimDetailDto } from '@/lib/data/claims/claim-detail-dto';
import { approvalRefusal } from '@/lib/data/claims/lifecycle';

export interface ReviewView {
  claim: ClaimDetailDto;
  /** Every reviewed field as it will be published. */
  content: ReviewedContent;
  /** The rating as an approval now would record and publish it (its value goes into the ClaimReview data). */
  rating: { label: string; colour: string; value: number | null; description: string } | null;
  articleTitle: string;
  paragraph: { before: string; words: string; after: string };
  /** Word diffs of the fields changed since the last review; null when there was none. */
  changes: FieldChange[] | null;
  lastReview: {
    decision: string;
    comment: string | null;
    reviewer: string | null;
    createdAt: string;
    claimVersion: number;
  } | null;
  canReview: boolean;
  /** Why the actor may not review it, when the claim is in review and they may not. */
  refusal: string | null;
}

/** What the review screen shows: the claim in its paragraph, all it would publish, and what changed since the last review. */
export async function getReviewView(actor: Actor | null, claimId: string): Promise<ReviewView> {
  authorize(actor, 'readNewsroom');
  const claim = await db().claim.findFirst({
    where: { id: claimId, deletedAt: null, article: { deletedAt: null } },
    include: { ...claimDetailInclude, article: true },
  });
  if (!claim) throw notFound('No claim with this id.');
  const last = await db().review.findFirst({
    where: { claimId },
    orderBy: { createdAt: 'desc' },
    include: { reviewer: { select: { name: true } } },
  });
  const detail = toClaimDetailDto(claim);
  const content = reviewedContentOf(detail);
  const text = claim.article.plainText;
  const start = text.lastIndexOf('\n', claim.start - 1) + 1;
  const endBreak = text.indexOf('\n', claim.end);
  const end = endBreak === -1 ? text.length : endBreak;
  // Reviews made before reviews recorded content stored the fields in words.
  const reviewed = last ? (contentOfReview(last.snapshot) ?? (last.snapshot as Record<string, string>)) : null;
  const refusal = claim.status === 'IN_REVIEW' ? approvalRefusal(actor, claim.authorIds) : null;
  return {
    claim: detail,
    content,
    rating: claim.verdict?.rating
      ? {
          label: claim.verdict.rating.label,
          colour: claim.verdict.rating.colour,
          value: claim.verdict.rating.value,
          description: claim.verdict.rating.description,
        }
      : null,
    articleTitle: claim.article.title,
    paragraph: {
      before: text.slice(start, claim.start),
      words: text.slice(claim.start, claim.end),
      after: text.slice(claim.end, end),
    },
    changes: reviewed ? contentChanges(reviewed, content) : null,
    lastReview: last && {
      decision: last.decision,
      comment: last.comment,
      reviewer: last.reviewer?.name ?? null,
      createdAt: last.createdAt.toISOString(),
      claimVersion: last.claimVersion,
    },
    canReview: claim.status === 'IN_REVIEW' && refusal === null,
    refusal,
  };
}
