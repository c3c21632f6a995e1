import { expect, test, type APIRequestContext } from '@playwright/test';
import { newPage, newsroom, uniqueSuffix } from './support/accounts';
import { approveDeficitClaim } from './support/review';

let editorApi: APIRequestContext;
let reviewerApi: APIRequestContext;

test.beforeAll(async () => {
  // Signing in three users through the browser is slow on a busy machine.
  test.setTimeout(120_000);
  ({ editorApi, reviewerApi } = await newsroom());
});

/** An article published as version 1, then with "3 percent" made "4 percent" as version 2. */
async function publishTwoVersions(): Promise<{ slug: string }> {
  const created = (await (
    await editorApi.post('/api/v1/articles', {
      data: {
        title: `Jobs ${uniqueSuffix()}`,
        format: 'text',
        body: 'The deficit halved in one year, the minister said.\nUnemployment rose to 3 percent last year.',
      },
    })
  ).json()) as { id: string; slug: string };
  await approveDeficitClaim(editorApi, reviewerApi, created.id);
  expect((await editorApi.post(`/api/v1/articles/${created.id}/publications`, { data: {} })).status()).toBe(201);

  const article = (await (await editorApi.get(`/api/v1/articles/${created.id}`)).json()) as {
    version: number;
    content: object;
  };
  const content = JSON.parse(JSON.stringify(article.content).replace('3 percent', '4 percent')) as object;
  expect(
    (
      await editorApi.patch(`/api/v1/articles/${created.id}`, { data: { baseVersion: article.version, content } })
    ).status(),
  ).toBe(200);
  expect(
    (
      await editorApi.post(`/api/v1/articles/${created.id}/publications`, {
        data: { correctionNote: 'The rate was 4 percent.' },
      })
    ).status(),
  ).toBe(201);
  return { slug: created.slug };
}

test('the comparison of two versions names the changed words and answers a revalidation with 304', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { slug } = await publishTwoVersions();
  const reader = await newPage(browser, { javaScriptEnabled: false });
  const first = await reader.request.get(`/a/${slug}/diff?from=1&to=2`);
  expect(first.status()).toBe(200);
  const etag = first.headers().etag ?? '';
  expect(etag).toMatch(/^"diff-/);
  const html = await first.text();
  // The changed words, each isolated from the page's direction (bidi) in its own <bdi>.
  expect(html).toContain('<del><span class="visually-hidden">[removed: </span><bdi>3</bdi><');
  expect(html).toContain('<ins><span class="visually-hidden">[added: </span><bdi>4</bdi><');

  const again = await reader.request.get(`/a/${slug}/diff?from=1&to=2`, { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  expect(again.headers().etag).toBe(etag);
  expect(await again.body()).toHaveLength(0);
  // Another validator is not a match: the page itself comes back, the same as before.
  const other = await reader.request.get(`/a/${slug}/diff?from=1&to=2`, {
    headers: { 'If-None-Match': '"diff-other"' },
  });
  expect(other.status()).toBe(200);
  expect(await other.text()).toBe(html);

  await reader.goto(`/a/${slug}/diff?from=1&to=2`);
  await expect(reader.getByRole('heading', { name: 'Changes from version 1 to version 2' })).toBeVisible();
  await expect(reader.locator('.diff-text del')).toHaveText('[removed: 3]');
  await expect(reader.locator('.diff-text ins')).toHaveText('[added: 4]');

  const versions = await reader.request.get(`/a/${slug}/versions`);
  const versionsTag = versions.headers().etag ?? '';
  expect(
    (await reader.request.get(`/a/${slug}/versions`, { headers: { 'If-None-Match': versionsTag } })).status(),
  ).toBe(304);
});
