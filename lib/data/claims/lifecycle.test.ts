import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { AppError } from '@/lib/errors';
import { contentOfReview, reviewedContentOf, sameContent } from '@/lib/review/reviewed-content';
import { updateClaim } from './update-claim';
import { getClaimDetail } from './get-claim-detail';
import { reviewClaim, submitClaim } from './lifecycle';
import {
  approve,
  claimInReview,
  createScale,
  refusal,
  scale,
  status,
  user,
} from '@/scripts/testing/lifecycle-fixtures';

describe('the claim lifecycle', () => {
  let editor: Actor;
  let colleague: Actor;
  let reviewer: Actor;
  let editorReviewer: Actor;
  beforeAll(async () => {
    [editor, colleague, reviewer, editorReviewer] = await Promise.all([
      user(['EDITOR']),
      user(['EDITOR']),
      user(['REVIEWER']),
      user(['EDITOR', 'REVIEWER']),
    ]);
    await createScale();
  });
  afterAll(() => db().$disconnect());

  it.each([
    ['statedClaim', { statedClaim: 'Rates rose.' }],
    ['claimReviewed', { claimReviewed: 'Rates rose' }],
    ['claimant', { claimant: 'A minister' }],
    ['claimantRole', { claimantRole: 'Finance' }],
    ['claimDate', { claimDate: '2026-01-02' }],
    ['appearanceUrl', { appearanceUrl: 'https://tv.example.org/debate' }],
    ['rating', { rating: 'OTHER' }],
    ['shortVerdict', { shortVerdict: 'False.' }],
    ['explanation', { explanation: 'Other figures.' }],
  ])('sends an approved claim back to draft when %s changes', async (_field, change) => {
    const claim = await claimInReview(editor);
    await approve(reviewer, claim.id);
    const input = 'rating' in change ? { rating: scale.otherRatingId } : change;
    const saved = await updateClaim(colleague, claim.id, { baseVersion: claim.version, ...input });
    expect(saved).toMatchObject({ status: 'DRAFT', version: claim.version + 1 });
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).authorIds).toEqual([colleague.id]);
  });

  it('keeps an approved claim approved when identical values are sent again', async () => {
    const claim = await claimInReview(editor);
    await approve(reviewer, claim.id);
    const saved = await updateClaim(colleague, claim.id, {
      baseVersion: claim.version,
      rating: scale.ratingId,
      shortVerdict: 'Mostly true.',
      explanation: 'Figures show it.',
      claimant: '',
      appearanceUrl: null,
    });
    expect(saved).toMatchObject({ status: 'APPROVED', version: claim.version });
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).authorIds).toEqual([]);
  });

  it('refuses an approval at a version the claim has moved on from, and writes nothing', async () => {
    const claim = await claimInReview(editor);
    await updateClaim(editor, claim.id, { baseVersion: claim.version, shortVerdict: 'Half true.' });
    await submitClaim(editor, claim.id);
    const error = await reviewClaim(reviewer, claim.id, { decision: 'approve', claimVersion: claim.version }).catch(
      (e: unknown) => e,
    );
    expect(status(error)).toBe(409);
    expect((error as AppError).message).toMatch(/changed since you opened it/);
    expect(await db().review.count({ where: { claimId: claim.id } })).toBe(0);
    expect((await getClaimDetail(reviewer, claim.id)).status).toBe('IN_REVIEW');
  });

  it('refuses a review of a claim that is not in review, naming its state', async () => {
    const claim = await claimInReview(editor);
    await updateClaim(editor, claim.id, { baseVersion: claim.version, shortVerdict: 'Half true.' });
    const error = await reviewClaim(reviewer, claim.id, { decision: 'approve', claimVersion: claim.version + 1 }).catch(
      (e: unknown) => e,
    );
    expect(status(error)).toBe(409);
    expect((error as AppError).message).toMatch(/a draft/);
  });

  it('lets nobody approve what they wrote or changed since the last approval; submitting is not writing', async () => {
    const claim = await claimInReview(editorReviewer);
    expect(await refusal(approve(editorReviewer, claim.id))).toBe(403);

    // A colleague who only submits may approve someone else's work…
    const other = await claimInReview(editor);
    await reviewClaim(reviewer, other.id, {
      decision: 'request_changes',
      comment: 'Add the date.',
      claimVersion: other.version,
    });
    await submitClaim(editorReviewer, other.id);
    expect(await refusal(approve(editorReviewer, other.id))).toBe('accepted');

    // …but after changing one field of it they may not, even though the first author wrote the rest.
    const third = await claimInReview(editor);
    await updateClaim(editor, third.id, { baseVersion: third.version, shortVerdict: 'True.' });
    const edited = await updateClaim(editorReviewer, third.id, {
      baseVersion: third.version + 1,
      claimant: 'A minister',
    });
    await submitClaim(editor, third.id);
    expect(
      await refusal(reviewClaim(editorReviewer, third.id, { decision: 'approve', claimVersion: edited.version })),
    ).toBe(403);
    expect(await refusal(reviewClaim(reviewer, third.id, { decision: 'approve', claimVersion: edited.version }))).toBe(
      'accepted',
    );
    expect(await db().review.count({ where: { claimId: third.id, reviewerId: editorReviewer.id } })).toBe(0);
  });

  it('starts a new round of authors at each approval', async () => {
    const claim = await claimInReview(editorReviewer);
    await approve(reviewer, claim.id);
    // After the approval the first author may review a colleague's change to it.
    const changed = await updateClaim(colleague, claim.id, {
      baseVersion: claim.version,
      shortVerdict: 'Mostly true, but dated.',
    });
    await submitClaim(colleague, claim.id);
    expect(
      await refusal(reviewClaim(editorReviewer, claim.id, { decision: 'approve', claimVersion: changed.version })),
    ).toBe('accepted');
  });

  it('never leaves a claim approved with content other than what its approval recorded when a save and an approval race', async () => {
    for (let i = 0; i < 8; i++) {
      const claim = await claimInReview(editor);
      const [, approval] = await Promise.allSettled([
        updateClaim(colleague, claim.id, { baseVersion: claim.version, shortVerdict: `Changed ${i}.` }),
        reviewClaim(reviewer, claim.id, { decision: 'approve', claimVersion: claim.version }),
      ]);
      const now = await getClaimDetail(editor, claim.id);
      if (now.status === 'APPROVED') {
        const review = await db().review.findFirstOrThrow({ where: { claimId: claim.id, decision: 'APPROVED' } });
        const approved = contentOfReview(review.snapshot);
        expect(approved && sameContent(approved, reviewedContentOf(now))).toBe(true);
      } else {
        // The save came second and undid the approval, or first and made the approval stale.
        expect(now.status).toBe('DRAFT');
        if (approval.status === 'rejected') expect(status(approval.reason)).toBe(409);
      }
    }
  });

  it('refuses to review a claim detached from the text', async () => {
    const claim = await claimInReview(editor);
    await db().claim.update({ where: { id: claim.id }, data: { detachedAt: new Date() } });
    const error = await reviewClaim(reviewer, claim.id, { decision: 'approve', claimVersion: claim.version }).catch(
      (e: unknown) => e,
    );
    expect(status(error)).toBe(409);
    expect(await db().review.count({ where: { claimId: claim.id } })).toBe(0);
  });
});
