// Claims: marking, reading, deleting and restoring them, their detail, submitting them for review, and the CSV export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { claimInReview, markClaim, newActor, newArticle, newRating } from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { updateClaim } from './update-claim';
import { getClaimDetail } from './get-claim-detail';
import { createClaim } from './create-claim';
import { deleteClaim } from './delete-claim';
import { getClaim } from './get-claim';
import { listClaims } from './list-claims';
import { restoreClaim } from './restore-claim';
import { exportClaimsCsv } from './export-claims';
import { addSource } from '@/lib/data/sources/add-source';
import { submitClaim } from './lifecycle';

/** The ids of the claim marks in an article's stored document. */
async function markedIds(articleId: string): Promise<string[]> {
  const { content } = await db().article.findUniqueOrThrow({ where: { id: articleId } });
  return [...JSON.stringify(content).matchAll(/"type":"claim","attrs":\{"id":"([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('claims', () => {
  let editor: Actor;
  let reviewer: Actor;
  let nobody: Actor;
  beforeAll(async () => {
    [editor, reviewer, nobody] = await Promise.all([newActor(['EDITOR']), newActor(['REVIEWER']), newActor([])]);
  });
  afterAll(() => db().$disconnect());

  it('marks a claim by quote or by position as a draft, in the text and the article version', async () => {
    const article = await newArticle('Inflation fell to 2%. Wages rose by 4%.');
    const byQuote = await createClaim(editor, article.id, { quote: { exact: 'Inflation fell' } });
    expect(byQuote).toMatchObject({
      articleId: article.id,
      status: 'DRAFT',
      version: 1,
      quote: { exact: 'Inflation fell', prefix: '', suffix: ' to 2%. Wages rose by 4%.' },
      position: { start: 0, end: 14 },
      rating: null,
      detached: false,
    });
    const byPosition = await createClaim(editor, article.id, { position: { start: 22, end: 32 } });
    expect(byPosition.quote.exact).toBe('Wages rose');
    expect(await markedIds(article.id)).toEqual([byQuote.id, byPosition.id]);
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(article.version + 2);
    expect(await getClaim(reviewer, byQuote.id)).toEqual(byQuote);
    expect((await listClaims(reviewer, article.id)).items.map((c) => c.id)).toEqual([byQuote.id, byPosition.id]);
  });

  it('refuses words not in the text, ambiguous words, a position outside the text or splitting a character, each at its field', async () => {
    const article = await newArticle('Jobs rose. Jobs rose again. 👍 fine');
    const field = async (input: Parameters<typeof createClaim>[2]) => {
      const error = await refusal(createClaim(editor, article.id, input));
      expect(error.code).toBe('UNPROCESSABLE');
      return error.errors[0]?.path;
    };
    expect(await field({ quote: { exact: 'Jobs fell' } })).toBe('quote.exact');
    expect(await field({ quote: { exact: 'Jobs rose' } })).toBe('quote.exact');
    expect(await field({ position: { start: 0, end: 500 } })).toBe('position.end');
    expect(await field({ position: { start: 29, end: 33 } })).toBe('position.start');
    expect(await field({ position: { start: 10, end: 11 } })).toBe('position');
    // A suffix decides between the two.
    expect(
      (await createClaim(editor, article.id, { quote: { exact: 'Jobs rose', suffix: ' again' } })).position,
    ).toEqual({ start: 11, end: 20 });
    expect(await db().claim.count({ where: { articleId: article.id } })).toBe(1);
  });

  it('lets only editors mark, delete and restore claims, and says 404 for a missing article or claim', async () => {
    const article = await newArticle('Crime fell.');
    expect((await refusal(createClaim(reviewer, article.id, { quote: { exact: 'Crime' } }))).code).toBe('FORBIDDEN');
    expect((await refusal(createClaim(null, article.id, { quote: { exact: 'Crime' } }))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(createClaim(editor, 'no-such-article', { quote: { exact: 'Crime' } }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await db().claim.count({ where: { articleId: article.id } })).toBe(0);
    const claim = await markClaim(editor, article.id, 'Crime fell');
    expect((await refusal(deleteClaim(reviewer, claim.id))).code).toBe('FORBIDDEN');
    expect((await refusal(restoreClaim(reviewer, claim.id))).code).toBe('FORBIDDEN');
    expect((await refusal(restoreClaim(editor, claim.id))).code).toBe('NOT_FOUND');
    expect((await refusal(deleteClaim(editor, 'no-such-claim'))).code).toBe('NOT_FOUND');
    expect((await refusal(getClaim(reviewer, 'no-such-claim'))).code).toBe('NOT_FOUND');
    expect((await refusal(listClaims(reviewer, 'no-such-article'))).code).toBe('NOT_FOUND');
    expect((await refusal(getClaim(nobody, claim.id))).code).toBe('FORBIDDEN');
    expect((await getClaim(editor, claim.id)).deletedAt).toBeNull();
  });

  it('deletes a claim and its highlight, lists it among the deleted, and restores it on its words', async () => {
    const article = await newArticle('Exports doubled last year.');
    const claim = await markClaim(editor, article.id, 'Exports doubled');
    await deleteClaim(editor, claim.id);
    expect(await markedIds(article.id)).toEqual([]);
    expect((await refusal(getClaim(editor, claim.id))).code).toBe('NOT_FOUND');
    expect((await listClaims(editor, article.id)).items).toEqual([]);
    expect((await listClaims(editor, article.id, { deleted: true })).items.map((c) => c.id)).toEqual([claim.id]);
    expect((await refusal(deleteClaim(editor, claim.id))).code).toBe('NOT_FOUND');

    const restored = await restoreClaim(editor, claim.id);
    expect(restored).toMatchObject({ id: claim.id, deletedAt: null, detached: false, position: { start: 0, end: 15 } });
    expect(await markedIds(article.id)).toEqual([claim.id]);
    expect((await refusal(restoreClaim(editor, claim.id))).code).toBe('NOT_FOUND');
  });

  it('keeps a deleted claim restorable for 30 days only', async () => {
    const article = await newArticle('Imports slowed in June.');
    const claim = await markClaim(editor, article.id, 'Imports slowed');
    await deleteClaim(editor, claim.id);
    await db().claim.update({
      where: { id: claim.id },
      data: { deletedAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) },
    });
    expect((await listClaims(editor, article.id, { deleted: true })).items).toEqual([]);
    expect((await refusal(restoreClaim(editor, claim.id))).code).toBe('NOT_FOUND');
    expect(await markedIds(article.id)).toEqual([]);
  });

  it('shows the claim detail to staff only, and 404 once deleted', async () => {
    const claim = await claimInReview(editor, { words: 'Taxes fell' });
    expect(await getClaimDetail(reviewer, claim.id)).toEqual(claim);
    expect((await refusal(getClaimDetail(nobody, claim.id))).code).toBe('FORBIDDEN');
    await db().claim.update({ where: { id: claim.id }, data: { deletedAt: new Date() } });
    expect((await refusal(getClaimDetail(reviewer, claim.id))).code).toBe('NOT_FOUND');
  });

  it("submits a complete claim to the article's reviewer, notified; each missing piece is named and nothing changes", async () => {
    const assigned = await newActor(['REVIEWER']);
    const article = await newArticle('Debt rose sharply.', { reviewerId: assigned.id });
    const claim = await markClaim(editor, article.id, 'Debt rose');
    const incomplete = await refusal(submitClaim(editor, claim.id));
    expect(incomplete.code).toBe('UNPROCESSABLE');
    expect(incomplete.errors.map((e) => e.path)).toEqual(['rating', 'shortVerdict', 'sources']);
    expect((await getClaimDetail(editor, claim.id)).status).toBe('DRAFT');

    await updateClaim(editor, claim.id, { baseVersion: 1, rating: (await newRating()).id, shortVerdict: 'True.' });
    await addSource(editor, claim.id, {
      url: 'https://stats.example.org/debt',
      title: 'Debt table',
      kind: 'official-data',
    });
    expect((await refusal(submitClaim(reviewer, claim.id))).code).toBe('FORBIDDEN');
    const submitted = await submitClaim(editor, claim.id);
    expect(submitted).toMatchObject({ id: claim.id, status: 'IN_REVIEW' });
    const notified = await db().notification.findMany({ where: { claimId: claim.id } });
    expect(notified.map((n) => [n.userId, n.kind, n.actorId])).toEqual([[assigned.id, 'submitted', editor.id]]);
    expect(await db().auditLog.count({ where: { entityId: claim.id, action: 'claim.submit' } })).toBe(1);

    expect((await refusal(submitClaim(editor, claim.id))).code).toBe('CONFLICT');
    expect((await refusal(submitClaim(editor, 'no-such-claim'))).code).toBe('NOT_FOUND');
    expect(await db().notification.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it("exports an article's claims as CSV with their verdicts and sources, to staff only", async () => {
    const claim = await claimInReview(editor, { words: 'Wages rose' });
    const { slug } = await db().article.findUniqueOrThrow({ where: { id: claim.articleId } });
    const { filename, csv } = await exportClaimsCsv(reviewer, claim.articleId);
    expect(filename).toBe(`${slug}-claims.csv`);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${claim.id}","IN_REVIEW","Wages rose","0","10"`);
    expect(lines[1]).toContain('"Mostly true."');
    expect(lines[1]).toContain(`"${claim.sources[0]?.url}"`);
    expect((await refusal(exportClaimsCsv(nobody, claim.articleId))).code).toBe('FORBIDDEN');
    expect((await refusal(exportClaimsCsv(reviewer, 'no-such-article'))).code).toBe('NOT_FOUND');
  });
});
