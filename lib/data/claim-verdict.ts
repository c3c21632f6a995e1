import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { documentFromText } from '@/lib/editor/schema';
import { AppError, notFound, type FieldError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ClaimDetailDto, UpdateClaimInput } from '@/lib/validation/verdicts';
import { parseContent } from './article-content';
import { recordAudit } from './audit';
import { claimDetailInclude, toClaimDetailDto } from './claim-detail';
import { notify } from './notifications';

export async function getClaimDetail(actor: Actor | null, id: string): Promise<ClaimDetailDto> {
  authorize(actor, 'readNewsroom');
  const claim = await db().claim.findFirst({ where: { id, deletedAt: null, article: { deletedAt: null } }, include: claimDetailInclude });
  if (!claim) throw notFound('No claim with this id.');
  return toClaimDetailDto(claim);
}

const dateOrNull = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

/**
 * Saves the claim's fields and its verdict if `baseVersion` is current (409 otherwise). A change to the
 * verdict of an approved or in-review claim sends it back to draft.
 */
export async function updateClaim(actor: Actor | null, id: string, input: UpdateClaimInput): Promise<ClaimDetailDto> {
  authorize(actor, 'editArticles');
  const explanation =
    input.explanation === undefined ? undefined : input.explanation === null ? null : typeof input.explanation === 'string' ? documentFromText(input.explanation) : input.explanation;
  const explanationDoc = explanation ? parseContent(explanation) : explanation;
  return db().$transaction(async (tx) => {
    // Locks the claim first: two saves based on the same version must not both pass the check below.
    await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${id} FOR UPDATE`;
    const claim = await tx.claim.findFirst({ where: { id, deletedAt: null }, include: { verdict: true } });
    if (!claim) throw notFound('No claim with this id.');
    if (claim.version !== input.baseVersion) {
      throw new AppError('CONFLICT', `The claim was changed by someone else (now version ${claim.version}).`, [{ path: 'baseVersion', message: `Stale: the current version is ${claim.version}.` }]);
    }
    const errors: FieldError[] = [];
    if (input.rating) {
      const rating = await tx.rating.findUnique({ where: { id: input.rating } });
      const isKept = claim.verdict?.ratingId === input.rating;
      if (!rating || (!rating.active && !isKept)) errors.push({ path: 'rating', message: rating ? 'This rating is no longer in use.' : 'No rating with this id.' });
    }
    if (errors.length > 0) throw new AppError('UNPROCESSABLE', 'The claim was not saved.', errors);

    const verdictChanged =
      (input.rating !== undefined && input.rating !== (claim.verdict?.ratingId ?? null)) ||
      (input.shortVerdict !== undefined && input.shortVerdict !== (claim.verdict?.shortVerdict ?? '')) ||
      (explanationDoc !== undefined && JSON.stringify(explanationDoc?.toJSON() ?? null) !== JSON.stringify(claim.verdict?.explanation ?? null));
    const wasReviewed = claim.status === 'APPROVED' || claim.status === 'IN_REVIEW';
    await tx.claim.update({
      where: { id },
      data: {
        statedClaim: input.statedClaim,
        claimReviewed: input.claimReviewed,
        claimantName: input.claimant,
        claimantRole: input.claimantRole,
        claimDate: dateOrNull(input.claimDate),
        appearanceUrl: input.appearanceUrl,
        version: { increment: 1 },
        updatedById: actor.id,
        ...(verdictChanged && wasReviewed ? { status: 'DRAFT' } : {}),
      },
    });
    if (input.rating !== undefined || input.shortVerdict !== undefined || explanationDoc !== undefined) {
      const fields = {
        ratingId: input.rating,
        shortVerdict: input.shortVerdict,
        explanation: explanationDoc === undefined ? undefined : explanationDoc === null ? Prisma.DbNull : (explanationDoc.toJSON() as object),
        updatedById: actor.id,
      };
      await tx.verdict.upsert({ where: { claimId: id }, create: { claimId: id, authorId: actor.id, ...fields }, update: fields });
    }
    await recordAudit(tx, actor, {
      action: 'claim.update',
      entityType: 'Claim',
      entityId: id,
      before: { version: claim.version, status: claim.status, ratingId: claim.verdict?.ratingId ?? null, shortVerdict: claim.verdict?.shortVerdict ?? null },
      after: { ...input, explanation: input.explanation === undefined ? undefined : '(changed)' },
    });
    return toClaimDetailDto(await tx.claim.findUniqueOrThrow({ where: { id }, include: claimDetailInclude }));
  });
}

/** Sends a claim to review; each missing piece (rating, short verdict, a source) is named at its field. */
export async function submitClaim(actor: Actor | null, id: string): Promise<ClaimDetailDto> {
  authorize(actor, 'editArticles');
  return db().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id, deletedAt: null }, include: { verdict: true, _count: { select: { sources: true } } } });
    if (!claim) throw notFound('No claim with this id.');
    const errors: FieldError[] = [];
    if (!claim.verdict?.ratingId) errors.push({ path: 'rating', message: 'Choose a rating.' });
    if (!claim.verdict?.shortVerdict.trim()) errors.push({ path: 'shortVerdict', message: 'Write a short verdict.' });
    if (claim._count.sources === 0) errors.push({ path: 'sources', message: 'Add at least one source.' });
    if (claim.detachedAt) errors.push({ path: 'quote', message: 'Attach the claim to words of the article first.' });
    if (errors.length > 0) throw new AppError('UNPROCESSABLE', 'The claim is not ready for review.', errors);
    if (claim.status === 'IN_REVIEW' || claim.status === 'APPROVED') {
      throw new AppError('CONFLICT', claim.status === 'APPROVED' ? 'The claim is already approved.' : 'The claim is already in review.');
    }
    await tx.claim.update({ where: { id }, data: { status: 'IN_REVIEW', updatedById: actor.id } });
    // The article's assigned reviewer, or every reviewer when none is assigned.
    const article = await tx.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { reviewerId: true } });
    const reviewers = article.reviewerId
      ? [article.reviewerId]
      : (await tx.user.findMany({ where: { roles: { has: 'REVIEWER' }, disabled: false }, select: { id: true } })).map((u) => u.id);
    await notify(tx, actor, 'submitted', id, reviewers);
    await recordAudit(tx, actor, { action: 'claim.submit', entityType: 'Claim', entityId: id, before: { status: claim.status }, after: { status: 'IN_REVIEW' } });
    return toClaimDetailDto(await tx.claim.findUniqueOrThrow({ where: { id }, include: claimDetailInclude }));
  });
}
