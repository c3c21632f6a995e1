import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { addClaimMark } from '@/lib/editor/claim-marks';
import { documentFromText, parseDocument } from '@/lib/editor/schema';
import { contentOfReview } from '@/lib/review/reviewed-content';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';
import { updateClaim } from './update-claim';
import { getClaimDetail } from './get-claim-detail';
import { deleteClaim } from './delete-claim';
import { restoreClaim } from './restore-claim';
import { publishArticle } from '@/lib/data/publications/publish-article';
import { updateRating } from '@/lib/data/ratings/update-rating';
import { saveArticle } from '@/lib/data/articles/save-article';
import { addSource } from '@/lib/data/sources/add-source';
import { removeSource } from '@/lib/data/sources/remove-source';
import { updateSource } from '@/lib/data/sources/update-source';
import { reviewClaim, submitClaim } from './lifecycle';
import {
  approve,
  claimInReview,
  createScale,
  refusal,
  status,
  unique,
  user,
} from '@/scripts/testing/lifecycle-fixtures';

describe('the claim lifecycle: content, text and publication', () => {
  let editor: Actor;
  let colleague: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    [editor, colleague, reviewer] = await Promise.all([user(['EDITOR']), user(['EDITOR']), user(['REVIEWER'])]);
    await createScale();
  });
  afterAll(() => db().$disconnect());

  it('copies a shared library source on write: other claims and their approvals keep what they cite', async () => {
    const first = await claimInReview(editor);
    const second = await claimInReview(editor);
    const shared = first.sources[0];
    if (!shared) throw new Error('no source');
    // The second claim cites the first's source from the library too.
    await db().claim.update({ where: { id: second.id }, data: { status: 'DRAFT' } });
    const withShared = await addSource(editor, second.id, { sourceId: shared.id });
    await submitClaim(editor, second.id);
    await approve(reviewer, first.id);
    await approve(reviewer, second.id);
    const secondBefore = await getClaimDetail(editor, second.id);

    const edited = await updateSource(colleague, first.id, shared.id, { title: 'Rates table, revised' });
    expect(edited.status).toBe('DRAFT');
    expect(edited.sources[0]?.id).not.toBe(shared.id);
    expect(edited.sources[0]?.title).toBe('Rates table, revised');
    const secondAfter = await getClaimDetail(editor, second.id);
    expect(secondAfter).toEqual(secondBefore);
    expect(secondAfter.sources.find((s) => s.id === shared.id)?.title).toBe('Rates table');
    expect(withShared.sources.map((s) => s.id)).toContain(shared.id);
  });

  it('sends an approved claim back to draft when a source is added, edited, moved or removed, and not for identical values', async () => {
    const claim = await claimInReview(editor);
    const source = claim.sources[0];
    if (!source) throw new Error('no source');
    await approve(reviewer, claim.id);
    const same = await updateSource(colleague, claim.id, source.id, { title: source.title, excerpt: '' });
    expect(same).toMatchObject({ status: 'APPROVED', version: claim.version });
    const added = await addSource(colleague, claim.id, {
      url: 'https://example.org/second',
      title: 'Second',
      kind: 'news',
    });
    expect(added).toMatchObject({ status: 'DRAFT', version: claim.version + 1 });
    const moved = await updateSource(colleague, claim.id, source.id, { position: 1 });
    expect(moved.sources.map((s) => s.title)).toEqual(['Second', 'Rates table']);
    expect(moved.version).toBe(claim.version + 2);
    await removeSource(colleague, claim.id, source.id);
    expect((await getClaimDetail(editor, claim.id)).version).toBe(claim.version + 3);
  });

  it('moves, detaches, re-attaches, deletes and restores a claim through the article’s text; only new words reopen its review', async () => {
    const claim = await claimInReview(editor);
    await approve(reviewer, claim.id);
    const approved = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    const words = 'The rate ros';
    /** Saves the article as `text`, with the claim marked on `marked` when given. */
    const save = async (text: string, marked?: string) => {
      const { version } = await db().article.findUniqueOrThrow({ where: { id: claim.articleId } });
      const doc = parseDocument(documentFromText(text));
      const start = marked === undefined ? -1 : text.indexOf(marked);
      const content =
        start < 0 ? doc.toJSON() : addClaimMark(doc, { start, end: start + (marked ?? '').length }, claim.id).toJSON();
      await saveArticle(colleague, claim.articleId, { baseVersion: version, content });
      const stored = await db().article.findUniqueOrThrow({ where: { id: claim.articleId } });
      expect({ plainText: stored.plainText, content: stored.content, version: stored.version }).toEqual({
        plainText: text,
        content,
        version: version + 1,
      });
      return db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    };
    const actions = async () =>
      (await db().auditLog.findMany({ where: { entityId: claim.id }, orderBy: { createdAt: 'asc' } })).map(
        (a) => a.action,
      );

    const moved = await save('Yes. The rate rose to 5%.', words);
    expect(moved).toMatchObject({ status: 'APPROVED', version: approved.version, start: 5, end: 17, authorIds: [] });
    const detached = await save('Yes. The rate rose to 5%.');
    expect(detached).toMatchObject({ status: 'APPROVED', version: approved.version });
    expect(detached.detachedAt).not.toBeNull();
    const reattached = await save('Yes. The rate rose to 5%.', words);
    expect(reattached).toMatchObject({ status: 'APPROVED', version: approved.version, detachedAt: null });
    const reworded = await save('Yes. The rate fell to 5%.', 'The rate fel');
    expect(reworded).toMatchObject({
      status: 'DRAFT',
      version: approved.version + 1,
      exact: 'The rate fel',
      authorIds: [colleague.id],
    });

    await deleteClaim(editor, claim.id);
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).not.toBeNull();
    await save('Nothing of it is left.');
    const restored = await restoreClaim(editor, claim.id);
    expect(restored).toMatchObject({ id: claim.id, detached: true, deletedAt: null });
    expect(await actions()).toEqual(
      expect.arrayContaining(['claim.detach', 'claim.reattach', 'claim.words-change', 'claim.delete', 'claim.restore']),
    );
  });

  it('refuses an approval opened before an admin reworded the claim’s rating, and publishes the rating the reviewer then approved', async () => {
    const admin = await user(['ADMIN']);
    const rating = await db().rating.create({
      data: { label: `Mostly false ${unique()}`, colour: '#b91c1c', position: 803, value: 2 },
    });
    const claim = await claimInReview(editor);
    await db().claim.update({ where: { id: claim.id }, data: { status: 'DRAFT' } });
    const rated = await updateClaim(editor, claim.id, { baseVersion: claim.version, rating: rating.id });
    const opened = await submitClaim(editor, claim.id);
    await updateRating(admin, rating.id, { position: 804 });
    expect((await getClaimDetail(reviewer, claim.id)).version).toBe(opened.version); // the order is not how it reads
    await updateRating(admin, rating.id, { label: 'True after all', value: 99 });
    const stale = await refusal(reviewClaim(reviewer, claim.id, { decision: 'approve', claimVersion: opened.version }));
    expect(stale).toBe(409);
    const seenAgain = await getClaimDetail(reviewer, claim.id);
    expect(seenAgain).toMatchObject({
      status: 'IN_REVIEW',
      version: opened.version + 1,
      rating: { label: 'True after all' },
    });
    expect(seenAgain.version).toBeGreaterThan(rated.version);
    await reviewClaim(reviewer, claim.id, { decision: 'approve', claimVersion: seenAgain.version });
    await updateRating(admin, rating.id, { label: 'Renamed once more' });
    const approved = await db().review.findFirstOrThrow({
      where: { claimId: claim.id, decision: 'APPROVED' },
      orderBy: { createdAt: 'desc' },
    });
    expect(contentOfReview(approved.snapshot)?.rating).toMatchObject({ label: 'True after all', value: 99 });
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('APPROVED');
  });

  it('publishes the rating as it read when approved, whatever an admin changes in the scale afterwards', async () => {
    await db().organisationSettings.upsert({
      where: { id: 'default' },
      create: {
        id: 'default',
        name: 'Desk',
        url: 'https://desk.example.org',
        correctionsPolicyUrl: 'https://desk.example.org/corrections',
      },
      update: {
        name: 'Desk',
        url: 'https://desk.example.org',
        correctionsPolicyUrl: 'https://desk.example.org/corrections',
      },
    });
    const rating = await db().rating.create({
      data: { label: `Pants on fire ${unique()}`, colour: '#7f0000', position: 802, value: 0 },
    });
    const claim = await claimInReview(editor);
    await db().claim.update({ where: { id: claim.id }, data: { status: 'DRAFT' } });
    const rated = await updateClaim(editor, claim.id, { baseVersion: claim.version, rating: rating.id });
    await submitClaim(editor, claim.id);
    await reviewClaim(reviewer, claim.id, { decision: 'approve', claimVersion: rated.version });
    await db().rating.update({ where: { id: rating.id }, data: { label: 'Renamed later', value: 5 } });
    const published = await publishArticle(editor, claim.articleId, {});
    const snapshot = (await db().publication.findFirstOrThrow({ where: { id: published.id } }))
      .snapshot as unknown as PublicationSnapshot;
    expect(snapshot.claims[0]?.rating).toMatchObject({ label: rating.label, value: 0, colour: '#7f0000' });
  });

  it('publishes the content the reviewer approved, and refuses when the live rows differ from it', async () => {
    await db().organisationSettings.upsert({
      where: { id: 'default' },
      create: {
        id: 'default',
        name: 'Desk',
        url: 'https://desk.example.org',
        correctionsPolicyUrl: 'https://desk.example.org/corrections',
      },
      update: {
        name: 'Desk',
        url: 'https://desk.example.org',
        correctionsPolicyUrl: 'https://desk.example.org/corrections',
      },
    });
    const claim = await claimInReview(editor);
    await approve(reviewer, claim.id);
    const published = await publishArticle(editor, claim.articleId, {});
    const publication = await db().publication.findFirstOrThrow({ where: { id: published.id } });
    const snapshot = publication.snapshot as unknown as PublicationSnapshot;
    expect(snapshot.claims).toHaveLength(1);
    expect(snapshot.claims[0]).toMatchObject({
      id: claim.id,
      shortVerdict: 'Mostly true.',
      sources: [expect.objectContaining({ title: 'Rates table' })],
    });

    // A write that bypasses the lifecycle (a database edit by hand) is caught at publishing.
    await db().verdict.update({
      where: { claimId: claim.id },
      data: { shortVerdict: 'Edited behind the reviewer’s back.' },
    });
    const error = await publishArticle(editor, claim.articleId, { correctionNote: 'Again.' }).catch((e: unknown) => e);
    expect(status(error)).toBe(409);
    expect(await db().publication.count({ where: { articleId: claim.articleId } })).toBe(1);
  });
});
