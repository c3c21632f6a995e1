// The cast and the claims the lifecycle tests share: editors, reviewers, a rating scale, a claim in review.
import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { documentFromText } from '@/lib/editor/schema';
import { AppError } from '@/lib/errors';
import { reviewClaim, submitClaim } from '@/lib/data/claims/lifecycle';
import { updateClaim } from '@/lib/data/claims/update-claim';
import { getClaimDetail } from '@/lib/data/claims/get-claim-detail';
import { addSource } from '@/lib/data/sources/add-source';

export const unique = () => randomUUID().slice(0, 8);

export async function user(roles: Role[]): Promise<Actor> {
  const row = await db().user.create({
    data: { email: `${unique()}@lifecycle.test`, name: `User ${unique()}`, roles },
  });
  return { id: row.id, email: row.email, name: row.name, roles, via: 'session' };
}

export const status = (error: unknown) => (error instanceof AppError ? error.status : error);
/** The HTTP status a promise is refused with, or "accepted". */
export const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', status);

/** The two ratings of the scale the claims are rated on (set by `createScale`). */
export const scale = { ratingId: '', otherRatingId: '' };

/** A claim by `editor` with everything review needs, in review. */
export async function claimInReview(editor: Actor, text = 'The rate rose to 5%.') {
  const article = await db().article.create({
    data: {
      title: `Rates ${unique()}`,
      slug: `rates-${unique()}`,
      content: documentFromText(text) as object,
      plainText: text,
    },
  });
  const claim = await db().claim.create({
    data: {
      articleId: article.id,
      exact: text.slice(0, 12),
      start: 0,
      end: 12,
      createdById: editor.id,
      authorIds: [editor.id],
    },
  });
  await updateClaim(editor, claim.id, {
    baseVersion: 1,
    rating: scale.ratingId,
    shortVerdict: 'Mostly true.',
    explanation: 'Figures show it.',
  });
  await addSource(editor, claim.id, {
    url: `https://stats.example.org/${unique()}`,
    title: 'Rates table',
    kind: 'official-data',
  });
  return submitClaim(editor, claim.id);
}

export async function approve(reviewer: Actor, claimId: string) {
  const { version } = await getClaimDetail(reviewer, claimId);
  return reviewClaim(reviewer, claimId, { decision: 'approve', claimVersion: version });
}

export async function createScale(): Promise<void> {
  scale.ratingId = (
    await db().rating.create({
      data: { label: `Mostly true ${unique()}`, colour: '#1b5e20', position: 800, value: 4 },
    })
  ).id;
  scale.otherRatingId = (
    await db().rating.create({ data: { label: `False ${unique()}`, colour: '#b00020', position: 801, value: 1 } })
  ).id;
}
