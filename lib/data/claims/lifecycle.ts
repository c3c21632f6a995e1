import 'server-only';
import { authorize, permissions, type Actor } from '@/lib/auth/permissions';
import { announceClaimChange } from '@/lib/collab/live';
import { db, type Tx } from '@/lib/db';
import { AppError, notFound, type FieldError } from '@/lib/errors';
import { claimStatusPhrases, type ClaimStatus } from '@/lib/review/claim-status';
import { reviewedContentOf, reviewSnapshot, sameContent, type ReviewedContent } from '@/lib/review/reviewed-content';
import type { ReviewInput } from '@/lib/validation/reviews';
import type { ClaimDetailDto } from '@/lib/validation/verdicts';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { claimDetailInclude, toClaimDetailDto } from './claim-detail-dto';
import { notify } from '@/lib/data/notifications/notify';

/*
 * A claim's one lifecycle: draft → in review → approved, or → changes requested; any change to what a
 * reviewer approves (ReviewedContent) sends an in-review or approved claim back to draft. Every transition
 * locks the claim's row first, so a save and a review of the same claim are applied one after the other.
 *
 * Besides its review state a claim is anchored to its words in the article, detached from them (its
 * highlight is gone from the text; it keeps its last words and cannot be reviewed), or deleted (restorable
 * for 30 days). Those transitions are made by the article's save path with the article's row locked
 * (`markClaim`, `anchorClaim`, `detachClaim`, `deleteClaimRow`, `restoreDetached` below). Detached and
 * deleted claims keep their review state but never publish; new words are new content (back to draft).
 */

export type { ClaimStatus };

export interface LockedClaim {
  id: string;
  articleId: string;
  version: number;
  status: ClaimStatus;
  authorIds: string[];
  detachedAt: Date | null;
}

/**
 * Records a change of reviewed content by `$2`: the next version, the actor among the claim's authors,
 * and back to draft from review or approval. Shared by the SQL save path and the Prisma paths.
 */
export const CONTENT_CHANGED_SQL = `UPDATE "Claim" SET version = version + 1, "updatedById" = $2, "updatedAt" = now(),
  "authorIds" = CASE WHEN $2 = ANY("authorIds") THEN "authorIds" ELSE array_append("authorIds", $2) END,
  status = CASE WHEN status IN ('IN_REVIEW', 'APPROVED') THEN 'DRAFT'::"ClaimStatus" ELSE status END
  WHERE id = $1`;

/** Locks a live claim of a live article for the rest of the transaction; null when there is none. */
async function lockClaim(tx: Tx, id: string): Promise<LockedClaim | null> {
  const rows = await tx.$queryRawUnsafe<LockedClaim[]>(
    `SELECT c.id, c."articleId", c.version, c.status::text AS status, c."authorIds", c."detachedAt"
       FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE c.id = $1 AND c."deletedAt" IS NULL AND a."deletedAt" IS NULL
      FOR UPDATE OF c`,
    id,
  );
  return rows[0] ?? null;
}

async function lockOrNotFound(tx: Tx, id: string): Promise<LockedClaim> {
  const claim = await lockClaim(tx, id);
  if (!claim) throw notFound('No claim with this id.');
  return claim;
}

export async function readClaimDetailDto(tx: Tx, id: string): Promise<ClaimDetailDto> {
  return toClaimDetailDto(await tx.claim.findUniqueOrThrow({ where: { id }, include: claimDetailInclude }));
}

/** Marks a change of reviewed content by `actorId` (the caller holds the claim's lock or updates its row). */
async function recordContentChange(tx: Tx, claimId: string, actorId: string): Promise<void> {
  await tx.$executeRawUnsafe(CONTENT_CHANGED_SQL, claimId, actorId);
}

/**
 * Runs `change` on a locked claim and compares the reviewed content before and after it, canonically:
 * when it differs, the change is recorded (version, author, back to draft). Identical values change nothing.
 */
export async function changeReviewedContent(
  tx: Tx,
  actor: Actor,
  claimId: string,
  change: (claim: LockedClaim) => Promise<void>,
): Promise<{ changed: boolean; claim: ClaimDetailDto }> {
  const locked = await lockOrNotFound(tx, claimId);
  const before = reviewedContentOf(await readClaimDetailDto(tx, claimId));
  await change(locked);
  const afterDto = await readClaimDetailDto(tx, claimId);
  if (sameContent(before, reviewedContentOf(afterDto))) return { changed: false, claim: afterDto };
  await recordContentChange(tx, claimId, actor.id);
  // Read again: the version and the state have moved on.
  return { changed: true, claim: await readClaimDetailDto(tx, claimId) };
}

/** Where a claim's words are in the article's plain text, and the words themselves with their context. */
export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The columns of a claim row the anchoring transitions read. */
export interface AnchoredClaim extends Anchor {
  id: string;
  detachedAt: Date | null;
  deletedAt: Date | null;
}

/** A new claim marked on `anchor` by `actor`: a draft whose one author is whoever marked it. */
export async function markClaim(tx: Tx, actor: Actor, articleId: string, id: string, anchor: Anchor): Promise<void> {
  await tx.claim.create({
    data: {
      id,
      articleId,
      ...anchor,
      statedClaim: anchor.exact,
      createdById: actor.id,
      updatedById: actor.id,
      authorIds: [actor.id],
    },
  });
  await recordAudit(tx, actor, { action: 'claim.create', entityType: 'Claim', entityId: id, after: { ...anchor } });
}

/**
 * Puts a claim on its words as the saved text has them. Moved words only move it; a detached or deleted
 * claim found again in the text is attached again; different words are a change of reviewed content
 * (new version, `actor` an author, back to draft from review or approval).
 */
export async function anchorClaim(tx: Tx, actor: Actor, claim: AnchoredClaim, anchor: Anchor): Promise<void> {
  const wordsChanged = claim.exact !== anchor.exact;
  const moved =
    claim.start !== anchor.start ||
    claim.end !== anchor.end ||
    claim.prefix !== anchor.prefix ||
    claim.suffix !== anchor.suffix;
  const reattached = claim.detachedAt !== null || claim.deletedAt !== null;
  if (!wordsChanged && !moved && !reattached) return;
  await tx.claim.update({ where: { id: claim.id }, data: { ...anchor, detachedAt: null, deletedAt: null } });
  // New words are a new claim to check: an approval or a pending review no longer covers it.
  if (wordsChanged) await recordContentChange(tx, claim.id, actor.id);
  if (wordsChanged || reattached) {
    await recordAudit(tx, actor, {
      action: reattached ? 'claim.reattach' : 'claim.words-change',
      entityType: 'Claim',
      entityId: claim.id,
      before: { exact: claim.exact },
      after: { exact: anchor.exact },
    });
  }
}

/** A claim whose highlight is gone from the text: it keeps its last words and state, and cannot be reviewed or published. */
export async function detachClaim(tx: Tx, actor: Actor, claim: AnchoredClaim, at = new Date()): Promise<void> {
  if (claim.detachedAt || claim.deletedAt) return;
  await tx.claim.update({ where: { id: claim.id }, data: { detachedAt: at } });
  await recordAudit(tx, actor, {
    action: 'claim.detach',
    entityType: 'Claim',
    entityId: claim.id,
    before: { exact: claim.exact },
  });
}

/** Deletes a claim (restorable for 30 days); its highlight is removed from the text by the caller. */
export async function deleteClaimRow(tx: Tx, actor: Actor, claim: AnchoredClaim, at = new Date()): Promise<void> {
  if (claim.deletedAt) return;
  await tx.claim.update({ where: { id: claim.id }, data: { deletedAt: at } });
  await recordAudit(tx, actor, {
    action: 'claim.delete',
    entityType: 'Claim',
    entityId: claim.id,
    before: { exact: claim.exact },
  });
}

/** Restores a deleted claim whose words are no longer in the text: back, detached, with its last words. */
export async function restoreDetached(tx: Tx, actor: Actor, claim: AnchoredClaim): Promise<void> {
  await tx.claim.update({ where: { id: claim.id }, data: { deletedAt: null, detachedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: 'claim.restore',
    entityType: 'Claim',
    entityId: claim.id,
    after: { exact: claim.exact, detached: true },
  });
}

/**
 * An admin changed how a rating reads (label, colour, value or description). A claim in review that uses it
 * no longer reads as its reviewer opened it: its version moves on (state and authors unchanged), so an
 * approval of what they saw is refused as stale and they see it again. Approved claims keep the rating as
 * their approval recorded it, and publish that.
 */
export async function ratingReworded(tx: Tx, ratingId: string): Promise<number> {
  return tx.$executeRaw`UPDATE "Claim" c SET version = c.version + 1, "updatedAt" = now()
    FROM "Verdict" v WHERE v."claimId" = c.id AND v."ratingId" = ${ratingId} AND c.status = 'IN_REVIEW'`;
}

/** Sends a claim to review; each missing piece (rating, short verdict, a source) is named at its field. Submitting is not authorship. */
export async function submitClaim(actor: Actor | null, id: string): Promise<ClaimDetailDto> {
  authorize(actor, 'editArticles');
  const submitted = await db().$transaction(async (tx) => {
    const locked = await lockOrNotFound(tx, id);
    const claim = await readClaimDetailDto(tx, id);
    const errors: FieldError[] = [];
    if (!claim.rating) errors.push({ path: 'rating', message: 'Choose a rating.' });
    if (!claim.shortVerdict?.trim()) errors.push({ path: 'shortVerdict', message: 'Write a short verdict.' });
    if (claim.sources.length === 0) errors.push({ path: 'sources', message: 'Add at least one source.' });
    if (locked.detachedAt) errors.push({ path: 'quote', message: 'Attach the claim to words of the article first.' });
    if (errors.length > 0) throw new AppError('UNPROCESSABLE', 'The claim is not ready for review.', errors);
    if (locked.status === 'IN_REVIEW' || locked.status === 'APPROVED')
      throw new AppError('CONFLICT', `The claim is already ${claimStatusPhrases[locked.status]}.`, [
        { path: 'status', message: locked.status },
      ]);
    await tx.claim.update({ where: { id }, data: { status: 'IN_REVIEW', submittedAt: new Date() } });
    // The article's assigned reviewer, or every reviewer when none is assigned.
    const article = await tx.article.findUniqueOrThrow({
      where: { id: locked.articleId },
      select: { reviewerId: true },
    });
    const reviewers = article.reviewerId
      ? [article.reviewerId]
      : (await tx.user.findMany({ where: { roles: { has: 'REVIEWER' }, disabled: false }, select: { id: true } })).map(
          (u) => u.id,
        );
    await notify(tx, actor, 'submitted', id, reviewers);
    await recordAudit(tx, actor, {
      action: 'claim.submit',
      entityType: 'Claim',
      entityId: id,
      before: { status: locked.status },
      after: { status: 'IN_REVIEW', version: locked.version },
    });
    return readClaimDetailDto(tx, id);
  });
  announceClaimChange(id);
  return submitted;
}

/** Why `actor` may not approve a claim with these authors, or null when they may. */
export function approvalRefusal(actor: Actor, authorIds: readonly string[]): string | null {
  if (!permissions.reviewClaims(actor)) return 'Only reviewers review claims.';
  if (!permissions.approveVerdict(actor, { authorIds }))
    return 'You wrote or changed part of this claim since its last approval: another reviewer must review it.';
  return null;
}

/**
 * Approves a claim in review, or sends it back with a comment, at the version the reviewer saw: a claim
 * changed since (`claimVersion` stale) or not in review is refused with 409, an author of any of its
 * content since the last approval with 403. The review stores the content it approved; publishing
 * publishes exactly that.
 */
export async function reviewClaim(actor: Actor | null, claimId: string, input: ReviewInput) {
  authorize(actor, 'reviewClaims');
  const reviewed = await db().$transaction(async (tx) => {
    const locked = await lockOrNotFound(tx, claimId);
    if (locked.version !== input.claimVersion) {
      throw new AppError(
        'CONFLICT',
        `The claim changed since you opened it (you reviewed version ${input.claimVersion}; it is now version ${locked.version}).`,
        [{ path: 'claimVersion', message: `Stale: the current version is ${locked.version}.` }],
      );
    }
    if (locked.status !== 'IN_REVIEW')
      throw new AppError('CONFLICT', `The claim is not in review: it is ${claimStatusPhrases[locked.status]}.`, [
        { path: 'status', message: locked.status },
      ]);
    // Its highlight was removed from the text: the words shown for it may not be its words.
    if (locked.detachedAt)
      throw new AppError(
        'CONFLICT',
        'The claim is detached from the text: it must be attached to its words before it is reviewed.',
        [{ path: 'status', message: 'DETACHED' }],
      );
    const refusal = approvalRefusal(actor, locked.authorIds);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    const approve = input.decision === 'approve';
    const claim = await readClaimDetailDto(tx, claimId);
    const content: ReviewedContent = reviewedContentOf(claim);
    if (content.rating) {
      const rating = await tx.rating.findUniqueOrThrow({ where: { id: content.rating.id } });
      content.rating = {
        id: rating.id,
        label: rating.label,
        colour: rating.colour,
        value: rating.value,
        description: rating.description,
      };
    }
    const review = await tx.review.create({
      data: {
        claimId,
        reviewerId: actor.id,
        decision: approve ? 'APPROVED' : 'CHANGES_REQUESTED',
        comment: input.comment ?? null,
        claimVersion: locked.version,
        snapshot: reviewSnapshot(content) as object,
      },
    });
    // An approval starts a new round: whoever changes the claim from now on may not approve it.
    await tx.claim.update({
      where: { id: claimId },
      data: approve ? { status: 'APPROVED', authorIds: [] } : { status: 'CHANGES_REQUESTED' },
    });
    if (input.comment) await tx.comment.create({ data: { claimId, authorId: actor.id, body: input.comment } });
    const row = await tx.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: { createdById: true, updatedById: true, verdict: { select: { authorId: true } } },
    });
    await notify(tx, actor, approve ? 'approved' : 'changes_requested', claimId, [
      row.updatedById,
      row.verdict?.authorId,
      row.createdById,
    ]);
    await recordAudit(tx, actor, {
      action: approve ? 'review.approve' : 'review.request-changes',
      entityType: 'Claim',
      entityId: claimId,
      before: { status: 'IN_REVIEW' },
      after: {
        status: approve ? 'APPROVED' : 'CHANGES_REQUESTED',
        comment: input.comment ?? null,
        claimVersion: locked.version,
      },
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
  announceClaimChange(claimId);
  return reviewed;
}
