// The save is hand-written SQL while every other read is Prisma: these tests hold the two to the same claim.
// A time zone west of UTC: a timestamp read or written as local time would come back hours off.
process.env.TZ = 'America/Sao_Paulo';

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { updateClaim } from './update-claim';
import { getClaimDetail } from './get-claim-detail';

const unique = () => randomUUID().slice(0, 8);

async function newsroomUser(roles: ('EDITOR' | 'REVIEWER')[]): Promise<Actor> {
  const user = await db().user.create({ data: { email: `${unique()}@verdict.test`, name: `User ${unique()}`, roles } });
  return { id: user.id, email: user.email, name: user.name, roles, via: 'session' };
}

async function newClaim(editor: Actor) {
  const article = await db().article.create({
    data: { title: 'Rates', slug: `rates-${unique()}`, content: { type: 'doc' }, plainText: 'The rate rose.' },
  });
  return db().claim.create({
    data: { articleId: article.id, exact: 'The rate rose', start: 0, end: 13, createdById: editor.id },
  });
}

async function rating(active = true) {
  return db().rating.create({
    data: { label: `Label ${unique()}`, colour: '#b00020', position: 900, value: 1, active },
  });
}

const conflict = (error: unknown) => error instanceof AppError && error.status === 409;

describe('updateClaim', () => {
  let editor: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    editor = await newsroomUser(['EDITOR']);
    reviewer = await newsroomUser(['REVIEWER']);
  });
  afterAll(() => db().$disconnect());

  it('answers with the claim exactly as a fresh read shows it, sources and last review included', async () => {
    const claim = await newClaim(editor);
    const first = await rating();
    const second = await rating();
    await db().verdict.create({
      data: { claimId: claim.id, ratingId: first.id, shortVerdict: 'Old.', authorId: editor.id },
    });
    const source = await db().source.create({
      data: {
        url: 'https://stats.example.org/rates',
        title: 'Rates table',
        publishedAt: new Date('2026-03-04T05:06:07.089Z'),
        kind: 'OFFICIAL_DATA',
      },
    });
    await db().claimSource.create({
      data: { claimId: claim.id, sourceId: source.id, excerpt: 'Table 2', position: 0 },
    });
    await db().claim.update({ where: { id: claim.id }, data: { status: 'APPROVED' } });
    await db().review.create({
      data: {
        claimId: claim.id,
        reviewerId: reviewer.id,
        decision: 'APPROVED',
        claimVersion: 1,
        snapshot: {},
        comment: 'Fine.',
      },
    });

    const saved = await updateClaim(editor, claim.id, {
      baseVersion: 1,
      rating: second.id,
      shortVerdict: 'New.',
      explanation: 'First line.\nSecond line.',
      claimDate: '2026-02-01',
      claimant: 'A minister',
    });

    expect(saved).toEqual(await getClaimDetail(editor, claim.id));
    expect(saved).toMatchObject({
      version: 2,
      status: 'DRAFT',
      rating: { id: second.id, label: second.label },
      shortVerdict: 'New.',
      claimDate: '2026-02-01T00:00:00.000Z',
      claimant: 'A minister',
      sources: [
        {
          url: 'https://stats.example.org/rates',
          publishedAt: '2026-03-04T05:06:07.089Z',
          kind: 'official-data',
          excerpt: 'Table 2',
        },
      ],
      lastReview: { decision: 'approve', comment: 'Fine.', reviewer: reviewer.name, claimVersion: 1 },
    });
    expect(Math.abs(Date.parse(saved.updatedAt) - Date.now())).toBeLessThan(60_000);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: claim.id, action: 'claim.update' } });
    expect(audit).toMatchObject({
      actorId: editor.id,
      before: { version: 1, status: 'APPROVED', ratingId: first.id, shortVerdict: 'Old.' },
    });
    expect(audit.after).toMatchObject({ baseVersion: 1, shortVerdict: 'New.', explanation: '(changed)' });
    expect(Math.abs(audit.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('creates the verdict on the first save, with its author', async () => {
    const claim = await newClaim(editor);
    const saved = await updateClaim(editor, claim.id, { baseVersion: 1, shortVerdict: 'Checked.' });
    expect(saved).toEqual(await getClaimDetail(editor, claim.id));
    expect(saved).toMatchObject({
      version: 2,
      status: 'DRAFT',
      shortVerdict: 'Checked.',
      rating: null,
      explanation: null,
      sources: [],
      lastReview: null,
    });
    const verdict = await db().verdict.findUniqueOrThrow({ where: { claimId: claim.id } });
    expect(verdict).toMatchObject({ authorId: editor.id, updatedById: editor.id, ratingId: null });
    expect(Math.abs(verdict.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('keeps an approved claim approved when a save changes nothing, and sends it back to draft when any field changes', async () => {
    const claim = await newClaim(editor);
    await db().verdict.create({
      data: {
        claimId: claim.id,
        shortVerdict: 'Same.',
        authorId: editor.id,
        explanation: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Why.' }] }] },
      },
    });
    await db().claim.update({ where: { id: claim.id }, data: { status: 'APPROVED' } });
    // The same explanation with its keys in another order than jsonb keeps them in is the same explanation.
    const unchanged = await updateClaim(editor, claim.id, {
      baseVersion: 1,
      shortVerdict: 'Same.',
      explanation: { content: [{ content: [{ text: 'Why.', type: 'text' }], type: 'paragraph' }], type: 'doc' },
    });
    expect(unchanged).toMatchObject({ version: 1, status: 'APPROVED' });
    const saved = await updateClaim(editor, claim.id, {
      baseVersion: 1,
      shortVerdict: 'Same.',
      statedClaim: 'Rates rose in May.',
    });
    expect(saved).toMatchObject({ version: 2, status: 'DRAFT', statedClaim: 'Rates rose in May.' });
  });

  it('refuses a stale baseVersion with 409 and changes nothing', async () => {
    const claim = await newClaim(editor);
    await updateClaim(editor, claim.id, { baseVersion: 1, shortVerdict: 'One.' });
    const stale = await updateClaim(editor, claim.id, { baseVersion: 1, shortVerdict: 'Two.' }).catch(
      (e: unknown) => e,
    );
    expect(conflict(stale)).toBe(true);
    expect(await getClaimDetail(editor, claim.id)).toMatchObject({ version: 2, shortVerdict: 'One.' });
    expect(await db().auditLog.count({ where: { entityId: claim.id, action: 'claim.update' } })).toBe(1);
  });

  it('refuses a retired rating with 422 at the rating field, unless the verdict already has it', async () => {
    const claim = await newClaim(editor);
    const retired = await rating(false);
    const refused = await updateClaim(editor, claim.id, {
      baseVersion: 1,
      rating: retired.id,
      shortVerdict: 'X.',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect((refused as AppError).errors).toEqual([{ path: 'rating', message: 'This rating is no longer in use.' }]);
    expect(await getClaimDetail(editor, claim.id)).toMatchObject({ version: 1, shortVerdict: null });

    await db().verdict.create({ data: { claimId: claim.id, ratingId: retired.id, authorId: editor.id } });
    expect(
      await updateClaim(editor, claim.id, { baseVersion: 1, rating: retired.id, shortVerdict: 'Kept.' }),
    ).toMatchObject({ version: 2, rating: { id: retired.id } });
  });

  it('lets only editors save, and says 404 for a deleted claim', async () => {
    const claim = await newClaim(editor);
    await expect(updateClaim(reviewer, claim.id, { baseVersion: 1, shortVerdict: 'No.' })).rejects.toMatchObject({
      status: 403,
    });
    await db().claim.update({ where: { id: claim.id }, data: { deletedAt: new Date() } });
    await expect(updateClaim(editor, claim.id, { baseVersion: 1, shortVerdict: 'No.' })).rejects.toMatchObject({
      status: 404,
    });
  });
});
