// Publishing: the plan and preview, publishing versions, retracting, and what readers, their search and the feeds then read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import {
  approvedClaim,
  claimInReview,
  markClaim,
  newActor,
  newArticle,
  PUBLISHABLE_SETTINGS,
  publishableSettings,
} from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { reviewClaim } from '@/lib/data/claims/lifecycle';
import { updateClaim } from '@/lib/data/claims/update-claim';
import { deleteClaim } from '@/lib/data/claims/delete-claim';
import { searchPublished } from '../claim-memory/published-search';
import { listPublications } from './list-publications';
import { publishArticle } from './publish-article';
import { getPublishPlan } from './get-publish-plan';
import { previewPublication } from './preview-publication';
import { getClaimReviewFeed } from './get-claim-review-feed';
import { getPublicationAnnotations } from './get-publication-annotations';
import { findPublishedOrganisationName } from './find-published-organisation-name';
import { findReaderPage } from './find-reader-page';
import { findSnapshot } from './find-snapshot';
import { findVersions } from './find-versions';
import { listPublished } from './list-published';
import { listStandingSnapshots } from './list-standing-snapshots';
import { retractArticle } from './retract-article';

/** Every ClaimReview of the public feed, all pages followed. */
async function wholeFeed() {
  const reviews: { url: string; claimReviewed: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await getClaimReviewFeed({ limit: 100, cursor });
    reviews.push(...(page.dataFeedElement as { url: string; claimReviewed: string }[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return reviews;
}

describe('publications', () => {
  let editor: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    [editor, reviewer] = await Promise.all([newActor(['EDITOR']), newActor(['REVIEWER']), publishableSettings()]);
  });
  afterAll(() => db().$disconnect());

  /** An article with one approved claim (`words`), one in review and one draft. */
  async function articleToPublish(words = 'Wages rose') {
    const article = await newArticle(`${words} by 4%. Prices fell. Rents held.`);
    const approved = await approvedClaim(editor, reviewer, { articleId: article.id, words });
    const inReview = await claimInReview(editor, { articleId: article.id, words: 'Prices fell' });
    const draft = await markClaim(editor, article.id, 'Rents held');
    return { article, approved, inReview, draft };
  }

  it('plans and previews a first version: which claims go out, why the others stay; editors only', async () => {
    const { article, approved, inReview, draft } = await articleToPublish('Jobs grew');
    const plan = await getPublishPlan(editor, article.id);
    expect(plan).toMatchObject({
      article: { id: article.id, title: article.title, slug: article.slug },
      nextNumber: 1,
      latest: null,
      retracted: null,
      problems: [],
    });
    expect(plan.claims.map((c) => [c.id, c.goesOut, c.reason])).toEqual([
      [approved.id, true, null],
      [inReview.id, false, 'Waiting for a reviewer’s approval.'],
      [draft.id, false, 'No verdict submitted for review yet.'],
    ]);
    const preview = await previewPublication(editor, article.id);
    expect(preview).toContain('<strong>Preview.</strong>');
    expect(preview).toContain(`claim-${approved.id}`);
    expect(preview).not.toContain(`claim-${inReview.id}`);
    expect(await db().publication.count({ where: { articleId: article.id } })).toBe(0);

    expect((await refusal(getPublishPlan(reviewer, article.id))).code).toBe('FORBIDDEN');
    expect((await refusal(previewPublication(reviewer, article.id))).code).toBe('FORBIDDEN');
    expect((await refusal(getPublishPlan(editor, 'no-such-article'))).code).toBe('NOT_FOUND');
    expect((await refusal(previewPublication(editor, 'no-such-article'))).code).toBe('NOT_FOUND');
  });

  it('the plan’s fingerprint moves when what goes out moves (approval, a change, a withdrawal), and only then', async () => {
    const { article, approved, inReview } = await articleToPublish('Fares fell');
    const fingerprint = async () => (await getPublishPlan(editor, article.id)).fingerprint;
    const first = await fingerprint();
    // Reading the plan again, saving the article's text or marking a new claim is no change to what goes out.
    expect(await fingerprint()).toBe(first);
    await db().article.update({ where: { id: article.id }, data: { version: { increment: 1 } } });
    await markClaim(editor, article.id, 'Rents');
    expect(await fingerprint()).toBe(first);

    await reviewClaim(reviewer, inReview.id, { decision: 'approve', claimVersion: inReview.version });
    const second = await fingerprint();
    expect(second).not.toBe(first);

    await publishArticle(editor, article.id, {});
    const third = await fingerprint();
    expect(third).not.toBe(second);
    // A published claim changed (back to draft): publishing now would withdraw its verdict.
    await updateClaim(editor, approved.id, { baseVersion: approved.version, shortVerdict: 'Fares held.' });
    const plan = await getPublishPlan(editor, article.id);
    expect(plan.claims.find((c) => c.id === approved.id)?.withdrawnRating).not.toBeNull();
    expect(plan.fingerprint).not.toBe(third);

    // Publishing checks, under its lock, that the plan is the one the person was shown: a stale one publishes nothing.
    const before = await db().publication.count({ where: { articleId: article.id } });
    const stale = await refusal(
      publishArticle(editor, article.id, { correctionNote: 'Fixed.' }, { fingerprint: third, withdrawals: [] }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain(`withdraw the verdict on “Fares fell”`);
    expect(await db().publication.count({ where: { articleId: article.id } })).toBe(before);

    // A live claim deleted from the article is a withdrawal too, named on the plan.
    await deleteClaim(editor, inReview.id);
    const afterDelete = await getPublishPlan(editor, article.id);
    expect(afterDelete.claims.find((c) => c.id === inReview.id)).toMatchObject({
      goesOut: false,
      reason: 'Deleted from the article.',
    });
    expect(afterDelete.claims.find((c) => c.id === inReview.id)?.withdrawnRating).not.toBeNull();
    // Shown only the first withdrawal, the person is told of the deleted claim's.
    const deleted = await refusal(
      publishArticle(
        editor,
        article.id,
        { correctionNote: 'Fixed.' },
        { fingerprint: third, withdrawals: [approved.id] },
      ),
    );
    expect(deleted.message).toContain('withdraw the verdict on “Prices fell”');
    expect(deleted.message).not.toContain('Fares fell');
  });

  it('names what blocks publishing: no approved claim, missing organisation settings', async () => {
    const article = await newArticle('Nothing approved here.');
    await markClaim(editor, article.id, 'Nothing approved');
    await db().organisationSettings.update({
      where: { id: 'default' },
      data: { name: '', correctionsPolicyUrl: null },
    });
    try {
      expect((await getPublishPlan(editor, article.id)).problems.map((p) => p.path)).toEqual([
        'settings.name',
        'settings.correctionsPolicyUrl',
        'claims',
      ]);
      const refused = await refusal(publishArticle(editor, article.id, {}));
      expect(refused.code).toBe('UNPROCESSABLE');
      expect(refused.errors.map((p) => p.path)).toEqual(['settings.name', 'settings.correctionsPolicyUrl', 'claims']);
    } finally {
      await publishableSettings();
    }
    expect((await getPublishPlan(editor, article.id)).problems.map((p) => p.path)).toEqual(['claims']);
    expect(await db().publication.count({ where: { articleId: article.id } })).toBe(0);
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe('DRAFT');
  });

  it('publishes version 1 with the approved claims only, and readers, annotations and the ClaimReview feed show it', async () => {
    const { article, approved, inReview } = await articleToPublish('Exports rose');
    expect((await refusal(publishArticle(reviewer, article.id, {}))).code).toBe('FORBIDDEN');
    const published = await publishArticle(editor, article.id, {});
    expect(published).toMatchObject({ number: 1, url: `/a/${article.slug}` });
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe('PUBLISHED');
    expect(
      await db().auditLog.count({ where: { entityId: article.id, action: 'publication.create', actorId: editor.id } }),
    ).toBe(1);

    const listed = await listPublications(article.id);
    expect(listed.items).toEqual([
      expect.objectContaining({ id: published.id, number: 1, url: `/a/${article.slug}/v/1`, correctionNote: null }),
    ]);
    const page = await findReaderPage(article.slug);
    expect(page).toMatchObject({ id: published.id, number: 1, latest: 1, slug: article.slug, retraction: null });
    expect(page?.html).toContain(`claim-${approved.id}`);
    expect(page?.html).not.toContain(`claim-${inReview.id}`);
    const snapshot = await findSnapshot(article.slug);
    expect(snapshot?.snapshot.claims.map((c) => [c.id, c.shortVerdict])).toEqual([[approved.id, 'Mostly true.']]);
    expect(snapshot?.snapshot.organisation.name).toBe(PUBLISHABLE_SETTINGS.name);
    expect(await findVersions(article.slug)).toMatchObject({
      slug: article.slug,
      title: article.title,
      organisation: PUBLISHABLE_SETTINGS.name,
      versions: [{ number: 1, correctionNote: null }],
      retraction: null,
    });
    expect((await listPublished(1, 0))[0]).toMatchObject({
      slug: article.slug,
      title: article.title,
      version: 1,
      claimCount: 1,
    });
    expect(await findPublishedOrganisationName()).toBe(PUBLISHABLE_SETTINGS.name);
    expect(await searchPublished(article.title, 10, 0)).toEqual([
      expect.objectContaining({ slug: article.slug, version: 1, claimCount: 1 }),
    ]);

    const annotations = await getPublicationAnnotations(published.id);
    expect(annotations).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    expect(annotations.first.items.map((a) => a.id.split('#')[1])).toEqual([approved.id]);
    expect((await wholeFeed()).filter((r) => r.url.endsWith(`/a/${article.slug}#claim-${approved.id}`))).toHaveLength(
      1,
    );
    const standing = await listStandingSnapshots(1000, undefined);
    expect(standing.find((s) => s.articleId === article.id)?.snapshot.article).not.toHaveProperty('plainText');
  });

  it('publishes a correction as version 2 only with a note; version 1 stays readable as it was', async () => {
    const { article } = await articleToPublish('Tax fell');
    await publishArticle(editor, article.id, {});
    const noNote = await refusal(publishArticle(editor, article.id, { correctionNote: '  ' }));
    expect(noNote.code).toBe('UNPROCESSABLE');
    expect(noNote.errors.map((e) => e.path)).toEqual(['correctionNote']);
    expect(await db().publication.count({ where: { articleId: article.id } })).toBe(1);

    const second = await publishArticle(editor, article.id, { correctionNote: 'Fixed a figure.' });
    expect(second.number).toBe(2);
    expect((await getPublishPlan(editor, article.id)).nextNumber).toBe(3);
    expect((await findReaderPage(article.slug))?.number).toBe(2);
    expect(await findReaderPage(article.slug, 1)).toMatchObject({ number: 1, latest: 2 });
    expect(await findReaderPage(article.slug, 3)).toBeNull();
    expect((await findVersions(article.slug))?.versions.map((v) => [v.number, v.correctionNote])).toEqual([
      [1, null],
      [2, 'Fixed a figure.'],
    ]);
  });

  it('retracts a published article: its pages say why, annotations are gone, the lists and feed drop it; publishing again lifts it', async () => {
    const { article, approved } = await articleToPublish('Crime fell');
    expect((await refusal(retractArticle(editor, article.id, { reason: 'Too early.' }))).code).toBe('UNPROCESSABLE');
    const published = await publishArticle(editor, article.id, {});
    expect((await refusal(retractArticle(reviewer, article.id, { reason: 'Mine to say.' }))).code).toBe('FORBIDDEN');

    const retracted = await retractArticle(editor, article.id, { reason: 'The source was forged.' });
    expect(retracted).toMatchObject({ reason: 'The source was forged.', url: `/a/${article.slug}` });
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe('RETRACTED');
    expect((await refusal(retractArticle(editor, article.id, { reason: 'Again.' }))).code).toBe('CONFLICT');
    expect(await db().retraction.count({ where: { articleId: article.id } })).toBe(1);

    expect((await findReaderPage(article.slug))?.retraction).toMatchObject({ reason: 'The source was forged.' });
    expect((await findVersions(article.slug))?.retraction).toMatchObject({ reason: 'The source was forged.' });
    const gone = await refusal(getPublicationAnnotations(published.id));
    expect([gone.code, gone.message]).toEqual(['GONE', expect.stringContaining('The source was forged.')]);
    expect((await listPublished(1000, 0)).some((p) => p.slug === article.slug)).toBe(false);
    expect((await wholeFeed()).some((r) => r.url.includes(`#claim-${approved.id}`))).toBe(false);
    expect((await getPublishPlan(editor, article.id)).retracted).toMatchObject({ reason: 'The source was forged.' });
    expect(await searchPublished(article.title, 10, 0)).toEqual([]);

    await publishArticle(editor, article.id, { correctionNote: 'Checked against a new source.' });
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe('PUBLISHED');
    expect((await findReaderPage(article.slug))?.retraction).toBeNull();
    expect((await listPublished(1, 0))[0]?.slug).toBe(article.slug);
  });

  it('reveals nothing of unpublished, unknown or malformed articles and publications', async () => {
    const article = await newArticle('Not yet out.');
    expect((await refusal(listPublications(article.id))).code).toBe('NOT_FOUND');
    expect(await findReaderPage(article.slug)).toBeNull();
    expect(await findSnapshot(article.slug)).toBeNull();
    expect(await findVersions(article.slug)).toBeNull();
    expect(await findReaderPage('Not a slug\u0000')).toBeNull();
    expect((await refusal(getPublicationAnnotations('no-such-publication'))).code).toBe('NOT_FOUND');
    expect((await refusal(getPublicationAnnotations('bad id\u0000'))).code).toBe('NOT_FOUND');
    expect((await refusal(publishArticle(editor, 'no-such-article', {}))).code).toBe('NOT_FOUND');
  });
});
