// Reviews: the queue, the review screen, sending a claim back, and the discussion on a claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { claimInReview, markClaim, newActor, newArticle, unique } from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { updateClaim } from '../claims/update-claim';
import { reviewClaim, submitClaim } from '../claims/lifecycle';
import { addComment } from './add-comment';
import { listComments } from './list-comments';
import { setCommentResolved } from './set-comment-resolved';
import { getReviewView } from './get-review-view';
import { listReviewQueue, WHOLE_QUEUE } from './list-review-queue';

const queueQuery = { sort: 'submitted', page: 1 } as const;

describe('reviews', () => {
  let editor: Actor;
  let reviewer: Actor;
  let editorReviewer: Actor;
  let nobody: Actor;
  beforeAll(async () => {
    [editor, reviewer, editorReviewer, nobody] = await Promise.all([
      newActor(['EDITOR']),
      newActor(['REVIEWER']),
      newActor(['EDITOR', 'REVIEWER']),
      newActor([]),
    ]);
  });
  afterAll(() => db().$disconnect());

  it('lists claims in review for reviewers, saying which they may approve, filtered and searched; not drafts', async () => {
    const tag = unique();
    const article = await newArticle(`Unemployment ${tag} fell. Growth ${tag} slowed.`, { title: `Economy ${tag}` });
    const theirs = await claimInReview(editor, { articleId: article.id, words: `Unemployment ${tag} fell` });
    const own = await claimInReview(editorReviewer, { articleId: article.id, words: `Growth ${tag} slowed` });
    const draft = await markClaim(editor, (await newArticle(`Draft ${tag} words.`)).id, `Draft ${tag}`);

    const queue = await listReviewQueue(editorReviewer, { article: article.id }, WHOLE_QUEUE);
    expect(queue.items.map((i) => [i.claimId, i.canApprove])).toEqual([
      [theirs.id, true],
      [own.id, false],
    ]);
    expect(queue.items[0]).toMatchObject({
      articleTitle: article.title,
      quote: `Unemployment ${tag} fell`,
      editor: { id: editor.id, name: editor.name },
      rating: theirs.rating?.label,
    });
    expect(
      (await listReviewQueue(reviewer, { editor: editorReviewer.id }, WHOLE_QUEUE)).items.map((i) => i.claimId),
    ).toContain(own.id);

    const page = await listReviewQueue(editorReviewer, { ...queueQuery, q: tag });
    expect(page).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(page.items.map((i) => [i.claimId, i.canApprove])).toEqual([
      [theirs.id, true],
      [own.id, false],
    ]);
    expect(page.articles).toContainEqual({ id: article.id, title: article.title });
    expect(page.editors).toEqual(expect.arrayContaining([{ id: editor.id, name: editor.name }]));
    expect(
      (await listReviewQueue(reviewer, { ...queueQuery, q: `Growth ${tag}` })).items.map((i) => i.claimId),
    ).toEqual([own.id]);
    expect(
      (await listReviewQueue(reviewer, { ...queueQuery, q: tag, editor: editor.id })).items.map((i) => i.claimId),
    ).toEqual([theirs.id]);
    expect((await listReviewQueue(reviewer, { ...queueQuery, q: `Draft ${tag}` })).total).toBe(0);
    expect(draft.status).toBe('DRAFT');

    expect((await refusal(listReviewQueue(editor, {}, WHOLE_QUEUE))).code).toBe('FORBIDDEN');
    expect((await refusal(listReviewQueue(editor, queueQuery))).code).toBe('FORBIDDEN');
  });

  it('says when a claim was submitted, not when its row last changed', async () => {
    const tag = unique();
    const article = await newArticle(`Exports ${tag} doubled in May.`);
    const claim = await claimInReview(editor, { articleId: article.id, words: `Exports ${tag} doubled` });
    const submitted = await db().claim.findUniqueOrThrow({ where: { id: claim.id }, select: { submittedAt: true } });
    // Later, the article's text moves the claim (a save rewrites its position): its row changes, its submission not.
    const later = new Date(Date.now() + 60_000);
    await db().claim.update({ where: { id: claim.id }, data: { start: 1, updatedAt: later } });
    const [item] = (await listReviewQueue(reviewer, { ...queueQuery, q: `Exports ${tag}` })).items;
    expect(item?.submittedAt).toBe(submitted.submittedAt?.toISOString());
    expect(item?.submittedAt).not.toBe(later.toISOString());
  });

  it("filters the queue by the article's assigned reviewer and due date", async () => {
    const tag = unique();
    const assigned = await newArticle(`Prices ${tag} rose.`, {
      reviewerId: reviewer.id,
      dueDate: new Date('2020-02-02'),
    });
    const open = await newArticle(`Rents ${tag} rose.`);
    const mine = await claimInReview(editor, { articleId: assigned.id, words: `Prices ${tag} rose` });
    const unassigned = await claimInReview(editor, { articleId: open.id, words: `Rents ${tag} rose` });
    const ids = async (query: Partial<Parameters<typeof listReviewQueue>[1]>) =>
      (await listReviewQueue(reviewer, { ...queueQuery, q: tag, ...query })).items.map((i) => i.claimId);
    expect(await ids({ assignee: 'me' })).toEqual([mine.id]);
    expect(await ids({ assignee: 'none' })).toEqual([unassigned.id]);
    expect(await ids({ due: 'overdue' })).toEqual([mine.id]);
    expect(await ids({ sort: 'due' })).toEqual([mine.id, unassigned.id]);
  });

  it('shows the review screen with the claim in its paragraph, whether the viewer may review it, and why not', async () => {
    const article = await newArticle('First paragraph.\nThe deficit halved in a year. It was said twice.\nLast one.');
    const claim = await claimInReview(editorReviewer, { articleId: article.id, words: 'The deficit halved' });
    const view = await getReviewView(reviewer, claim.id);
    expect(view).toMatchObject({
      claim: { id: claim.id, status: 'IN_REVIEW' },
      articleTitle: article.title,
      paragraph: { before: '', words: 'The deficit halved', after: ' in a year. It was said twice.' },
      rating: { label: claim.rating?.label, value: 4 },
      changes: null,
      lastReview: null,
      canReview: true,
      refusal: null,
    });
    expect(view.content).toMatchObject({ shortVerdict: 'Mostly true.' });
    const own = await getReviewView(editorReviewer, claim.id);
    expect(own).toMatchObject({ canReview: false, refusal: expect.stringMatching(/another reviewer/) });
    expect((await getReviewView(editor, claim.id)).refusal).toBe('Only reviewers review claims.');
    expect((await refusal(getReviewView(nobody, claim.id))).code).toBe('FORBIDDEN');
    expect((await refusal(getReviewView(reviewer, 'no-such-claim'))).code).toBe('NOT_FOUND');
  });

  it('sends a claim back with a comment that joins its discussion and notifies its author; the next review shows what changed', async () => {
    const claim = await claimInReview(editor, { words: 'Tourism grew' });
    const sent = await reviewClaim(reviewer, claim.id, {
      decision: 'request_changes',
      comment: 'Which year?',
      claimVersion: claim.version,
    });
    expect(sent).toMatchObject({
      claimId: claim.id,
      decision: 'request_changes',
      comment: 'Which year?',
      claimVersion: claim.version,
      reviewer: { id: reviewer.id, name: reviewer.name },
    });
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('CHANGES_REQUESTED');
    expect((await listComments(editor, claim.id)).items).toEqual([
      expect.objectContaining({ body: 'Which year?', author: { id: reviewer.id, name: reviewer.name } }),
    ]);
    expect(
      await db().notification.findMany({
        where: { claimId: claim.id, kind: 'changes_requested' },
        select: { userId: true },
      }),
    ).toEqual([{ userId: editor.id }]);

    const changed = await updateClaim(editor, claim.id, {
      baseVersion: claim.version,
      shortVerdict: 'Mostly true, in 2025.',
    });
    await submitClaim(editor, claim.id);
    const view = await getReviewView(reviewer, claim.id);
    expect(view.lastReview).toMatchObject({
      decision: 'CHANGES_REQUESTED',
      comment: 'Which year?',
      reviewer: reviewer.name,
      claimVersion: claim.version,
    });
    expect(view.changes?.map((c) => c.field)).toEqual(['shortVerdict']);
    expect(view.claim.version).toBe(changed.version);
  });

  it('lets only reviewers review, and writes nothing when an editor tries', async () => {
    const claim = await claimInReview(editor, { words: 'Crime fell' });
    expect(
      (await refusal(reviewClaim(editor, claim.id, { decision: 'approve', claimVersion: claim.version }))).code,
    ).toBe('FORBIDDEN');
    expect((await refusal(reviewClaim(reviewer, 'no-such-claim', { decision: 'approve', claimVersion: 1 }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await db().review.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it('keeps a threaded discussion on a claim, notifying who took part, and resolves and reopens comments', async () => {
    const claim = await claimInReview(editor, { words: 'Births fell' });
    const question = await addComment(reviewer, claim.id, { body: 'Source for 2024?' });
    expect(question).toMatchObject({
      claimId: claim.id,
      parentId: null,
      body: 'Source for 2024?',
      author: { id: reviewer.id, name: reviewer.name },
      resolved: false,
    });
    const answer = await addComment(editor, claim.id, { body: 'Added.', parentId: question.id });
    expect(answer.parentId).toBe(question.id);
    expect((await listComments(editor, claim.id)).items.map((c) => c.body)).toEqual(['Source for 2024?', 'Added.']);
    const comments = await db().notification.findMany({
      where: { claimId: claim.id, kind: 'comment' },
      orderBy: { createdAt: 'asc' },
    });
    expect(comments.map((n) => [n.userId, n.actorId])).toEqual([
      [editor.id, reviewer.id],
      [reviewer.id, editor.id],
    ]);

    expect(await setCommentResolved(editor, question.id, true)).toMatchObject({ id: question.id, resolved: true });
    expect((await db().comment.findUniqueOrThrow({ where: { id: question.id } })).resolvedById).toBe(editor.id);
    expect(await setCommentResolved(reviewer, question.id, false)).toMatchObject({ resolved: false });
    const actions = (
      await db().auditLog.findMany({
        where: { entityId: claim.id, action: { startsWith: 'comment.' } },
        orderBy: { createdAt: 'asc' },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(['comment.create', 'comment.create', 'comment.resolve', 'comment.reopen']);
  });

  it('refuses comments from people without a newsroom role, replies to another claim’s comment, and comments on missing claims', async () => {
    const claim = await claimInReview(editor, { words: 'Debt fell' });
    const other = await claimInReview(editor, { words: 'Debt rose' });
    const elsewhere = await addComment(reviewer, other.id, { body: 'Elsewhere.' });
    expect((await refusal(addComment(nobody, claim.id, { body: 'Hello' }))).code).toBe('FORBIDDEN');
    expect((await refusal(setCommentResolved(nobody, elsewhere.id, true))).code).toBe('FORBIDDEN');
    expect((await refusal(listComments(nobody, claim.id))).code).toBe('FORBIDDEN');
    expect((await refusal(addComment(reviewer, claim.id, { body: 'Reply', parentId: elsewhere.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(addComment(reviewer, 'no-such-claim', { body: 'Hello' }))).code).toBe('NOT_FOUND');
    expect((await refusal(setCommentResolved(reviewer, 'no-such-comment', true))).code).toBe('NOT_FOUND');
    expect(await db().comment.count({ where: { claimId: claim.id } })).toBe(0);
  });
});
