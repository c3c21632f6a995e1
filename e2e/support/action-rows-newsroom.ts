import { expect } from '@playwright/test';
import { uniqueSuffix } from './accounts';
import {
  done,
  editorsOnly,
  isAuthorizationRefusal,
  json,
  reviewersOnly,
  staff,
  type Args,
  type Row,
  type World,
} from './action-matrix';
import { addSource, markClaim, saveClaim, activeRatings, createTextArticle, submitClaim } from './newsroom-api';
import { claimVersion } from './review';

async function article(world: World): Promise<{ id: string; claimId: string }> {
  const { id } = await createTextArticle(world.editorApi, `The sky is green ${uniqueSuffix()}. The sea is dry.`);
  return { id, claimId: await markClaim(world.editorApi, id, 'The sea is dry') };
}

async function claimInReview(world: World): Promise<string> {
  const { claimId } = await article(world);
  const rating = (await activeRatings(world.editorApi))[0]?.id;
  await saveClaim(world.editorApi, claimId, { rating, shortVerdict: 'It is not.' });
  await addSource(world.editorApi, claimId, {
    url: `https://example.org/${uniqueSuffix()}`,
    title: 'A report',
    publisher: 'Example',
    publishedAt: '2025-08-17',
    kind: 'news',
  });
  await submitClaim(world.editorApi, claimId);
  return claimId;
}

/** A comment by the reviewer on a fresh claim of the editor: the editor is notified of it. */
async function reviewerComment(world: World): Promise<{ claimId: string; commentId: string }> {
  const { claimId } = await article(world);
  const created = await world.reviewerApi.post(`/api/v1/claims/${claimId}/comments`, {
    data: { body: `Check the date ${uniqueSuffix()}.` },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { claimId, commentId: ((await created.json()) as { id: string }).id };
}

interface Notice {
  id: string;
  claimId: string | null;
  read: boolean;
}
const editorNotices = async (world: World, claimId: string): Promise<Notice[]> =>
  (await json<{ items: Notice[] }>(await world.editorApi.get('/api/v1/notifications'))).items.filter(
    (n) => n.claimId === claimId,
  );

/** The action matrix's rows for articles, assignments, publications and reviews. */
export const newsroomRows: Row[] = [
  {
    action: 'assignAction (assignment)',
    build: async (world) => {
      const { id } = await article(world);
      const dueDate = `2031-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
      return {
        page: `/articles/${id}`,
        args: {
          form: { articleId: id, factCheckerId: world.users.editor.id, reviewerId: world.users.reviewer.id, dueDate },
        },
        // The API has no read of an assignment: the article's page shows it (the due date field's value).
        observe: async () =>
          done(
            (await (await world.sessions.editor.request.get(`/articles/${id}`)).text()).includes(`value="${dueDate}"`),
          ),
      };
    },
    expect: editorsOnly,
  },
  {
    action: 'publishAction (publications)',
    // As in the API matrix: an article with nothing approved is refused for what it is (not for who asks), and nothing is published.
    build: async (world) => {
      const { id } = await article(world);
      return {
        page: `/articles/${id}/publish`,
        args: { form: { articleId: id } },
        observe: async (answer) => {
          expect((await world.admin.get(`/api/v1/articles/${id}/publications`)).status()).toBe(404);
          return done(answer.state?.status === 'error' && !isAuthorizationRefusal(answer));
        },
      };
    },
    expect: editorsOnly,
  },
  {
    action: 'retractAction (publications)',
    build: async (world) => {
      const { id } = await article(world);
      return {
        page: `/articles/${id}/publish`,
        args: { form: { articleId: id, reason: 'A test of who may retract.' } },
        observe: async (answer) => {
          expect((await world.admin.get(`/api/v1/articles/${id}/publications`)).status()).toBe(404);
          return done(answer.state?.status === 'error' && !isAuthorizationRefusal(answer));
        },
      };
    },
    expect: editorsOnly,
  },
  ...(['pasteArticleAction', 'uploadArticleAction'] as const).map((name): Row => ({
    action: `${name} (articles)`,
    build: async (world) => {
      const title = `Action ${uniqueSuffix()}`;
      const body = 'The minister said unemployment fell to 3% last year.';
      const args: Args =
        name === 'pasteArticleAction'
          ? { form: { format: 'text', body, title } }
          : { form: { title }, file: { name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(body) } };
      return {
        page: '/articles/new',
        args,
        observe: async () =>
          done(
            (await json<{ items: { title: string }[] }>(await world.editorApi.get('/api/v1/articles'))).items.some(
              (a) => a.title === title,
            ),
          ),
      };
    },
    expect: editorsOnly,
  })),
  {
    action: 'importArticleAction (articles)',
    // No fetch leaves this machine: an editor's import is refused for the address (unreachable), anyone else's for who they are.
    build: async () => ({
      page: '/articles/new',
      args: { form: { url: `https://news.example.invalid/${uniqueSuffix()}`, title: '' } },
      observe: async (answer) => done(answer.state?.status === 'error' && !isAuthorizationRefusal(answer)),
    }),
    expect: editorsOnly,
  },
  {
    action: 'reviewAction (reviews)',
    build: async (world) => {
      const claimId = await claimInReview(world);
      return {
        page: `/review/${claimId}`,
        args: {
          form: {
            claimId,
            decision: 'approve',
            comment: '',
            claimVersion: String(await claimVersion(world.editorApi, claimId)),
          },
        },
        observe: async () =>
          done(
            (await json<{ status: string }>(await world.editorApi.get(`/api/v1/claims/${claimId}`))).status ===
              'APPROVED',
          ),
      };
    },
    expect: reviewersOnly,
  },
  {
    action: 'commentAction (reviews)',
    build: async (world) => {
      const { claimId } = await article(world);
      const body = `Matrix comment ${uniqueSuffix()}`;
      return {
        page: `/review/${claimId}`,
        args: { form: { claimId, body } },
        observe: async () =>
          done(
            (
              await json<{ items: { body: string }[] }>(await world.editorApi.get(`/api/v1/claims/${claimId}/comments`))
            ).items.some((c) => c.body === body),
          ),
      };
    },
    expect: staff(['editor', 'reviewer', 'otherEditor']),
  },
  {
    action: 'resolveCommentAction (reviews)',
    build: async (world) => {
      const { claimId, commentId } = await reviewerComment(world);
      return {
        page: `/review/${claimId}`,
        args: { form: { id: commentId, claimId, resolved: 'true' }, withState: false },
        observe: async () =>
          done(
            (
              await json<{ items: { id: string; resolved: boolean }[] }>(
                await world.editorApi.get(`/api/v1/claims/${claimId}/comments`),
              )
            ).items.some((c) => c.id === commentId && c.resolved),
          ),
      };
    },
    expect: staff(['editor', 'reviewer', 'otherEditor']),
  },
  {
    // Each caller marks their own notifications read: only the editor's call reaches the editor's.
    action: 'markAllReadAction (reviews)',
    build: async (world) => {
      const { claimId } = await reviewerComment(world);
      expect((await editorNotices(world, claimId)).map((n) => n.read)).toEqual([false]);
      return {
        page: '/inbox',
        args: { none: true },
        observe: async () => done((await editorNotices(world, claimId)).every((n) => n.read)),
      };
    },
    expect: staff(['editor']),
  },
  {
    action: 'openNotificationAction (reviews)',
    build: async (world) => {
      const { claimId } = await reviewerComment(world);
      const [notice] = await editorNotices(world, claimId);
      return {
        page: '/inbox',
        args: { form: { id: notice?.id ?? '' }, withState: false },
        observe: async () => done((await editorNotices(world, claimId)).every((n) => n.read)),
      };
    },
    expect: staff(['editor']),
  },
];
