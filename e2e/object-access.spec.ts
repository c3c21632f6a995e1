import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, createUser, newPage, newsroom, signInByHttp, tokenFor, type TestUser } from './support/accounts';
import { reviewNow } from './support/review';

/** Object-level access: ids from elsewhere, roles that do not fit, and old sessions all fail. */
let admin: APIRequestContext;
let editor: TestUser;
let editorApi: APIRequestContext;
let reviewerApi: APIRequestContext;

test.beforeAll(async () => {
  ({ admin, editor, editorApi, reviewerApi } = await newsroom());
});

async function claimWithSource(words: string) {
  const article = (await (
    await editorApi.post('/api/v1/articles', { data: { format: 'text', body: `${words} in the report.` } })
  ).json()) as { id: string };
  const claim = (await (
    await editorApi.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: words } } })
  ).json()) as { id: string };
  const detail = (await (
    await editorApi.post(`/api/v1/claims/${claim.id}/sources`, {
      data: { url: `https://example.org/${claim.id}`, title: words, kind: 'news' },
    })
  ).json()) as { sources: { id: string }[] };
  return { articleId: article.id, claimId: claim.id, sourceId: detail.sources[0]?.id ?? '' };
}

test('another claim’s source id in a claim’s route is not found, and changes nothing', async () => {
  const a = await claimWithSource('Crime fell');
  const b = await claimWithSource('Crime rose');
  const patch = await editorApi.patch(`/api/v1/claims/${a.claimId}/sources/${b.sourceId}`, {
    data: { title: 'Hijacked' },
  });
  expect(patch.status()).toBe(404);
  const removed = await editorApi.delete(`/api/v1/claims/${a.claimId}/sources/${b.sourceId}`);
  expect(removed.status()).toBe(404);
  const still = (await (await editorApi.get(`/api/v1/claims/${b.claimId}`)).json()) as { sources: { title: string }[] };
  expect(still.sources.map((s) => s.title)).toEqual(['Crime rose']);
});

test('a reviewer’s token cannot do an editor’s work, and an editor cannot approve', async () => {
  const a = await claimWithSource('Rents doubled');
  for (const [method, path, data] of [
    ['PATCH', `/api/v1/claims/${a.claimId}`, { baseVersion: 1, shortVerdict: 'Reviewer wrote this.' }],
    ['POST', `/api/v1/articles/${a.articleId}/publications`, {}],
    ['POST', `/api/v1/articles/${a.articleId}/retraction`, { reason: 'Because.' }],
    ['DELETE', `/api/v1/claims/${a.claimId}`, undefined],
  ] as const) {
    const response = await reviewerApi.fetch(path, { method, data });
    expect(response.status(), `${method} ${path}`).toBe(403);
  }
  expect((await reviewNow(editorApi, a.claimId, { decision: 'approve' })).status()).toBe(403);
});

test('a disabled user’s old session and token stop working at once', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  const victim = await createUser(admin, ['EDITOR']);
  const victimPage = await newPage(browser);
  await signInByHttp(victimPage, victim.email, victim.password);
  const victimToken = (await tokenFor(victim.email, victim.password)).token;
  expect((await victimPage.request.get('/api/v1/me')).status()).toBe(200);
  expect((await admin.patch(`/api/v1/users/${victim.id}`, { data: { disabled: true } })).status()).toBe(200);
  expect((await victimPage.request.get('/api/v1/me')).status()).toBe(401);
  await victimPage.goto('/dashboard');
  await expect(victimPage).toHaveURL(/\/sign-in/);
  const api = await apiAs(test.info().project.use.baseURL ?? '', victimToken);
  expect((await api.get('/api/v1/me')).status()).toBe(401);
  // Others are untouched.
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
});

test('readers get 404, not 403, for anything unpublished', async ({ request }) => {
  const a = await claimWithSource('Wages rose');
  const created = (await (await editorApi.get(`/api/v1/articles/${a.articleId}`)).json()) as { slug: string };
  for (const path of [
    `/a/${created.slug}`,
    `/a/${created.slug}/v/1`,
    `/a/${created.slug}/claims/${a.claimId}`,
    `/api/v1/articles/${a.articleId}/publications`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect((await request.get(`/api/v1/publications/${a.claimId}/annotations`)).status()).toBe(404);
  expect((await request.get(`/api/v1/articles/${a.articleId}`)).status()).toBe(401);
});
