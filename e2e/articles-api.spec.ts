import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, newPage, signInByHttp, tokenFor, type TestUser } from './support/accounts';

let api: APIRequestContext;
let editor: TestUser;
let pages: Server;
let pagesBase: string;

const story = `<!doctype html><html lang="en"><head><title>Bridge vote | Gazette</title>
<meta property="og:site_name" content="Local Gazette"><meta property="article:published_time" content="2025-08-18T10:00:00Z">
<link rel="canonical" href="https://gazette.example.org/bridge-vote"></head><body><nav>Home · World · Sport</nav>
<article><h1>Council backs the bridge</h1><p class="byline">By Ana Reporter</p>
${'<p>The council voted 7 to 2 on Tuesday to fund the new bridge, the mayor said after a long meeting.</p>'.repeat(6)}
<script>window.hacked = true</script></article></body></html>`;

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  editor = await createUser(admin, ['EDITOR']);
  api = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  pages = createServer((req, res) => {
    if (req.url === '/bridge') return res.writeHead(200, { 'content-type': 'text/html' }).end(story);
    if (req.url === '/empty')
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><nav>Menu</nav></body></html>');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

async function create(body: unknown) {
  const response = await api.post('/api/v1/articles', { data: body });
  return {
    status: response.status(),
    json: (await response.json()) as Record<string, unknown> & { id: string; version: number; plainText: string },
  };
}

test('a script annotates an article by quote, without the editor', async () => {
  const { status, json: article } = await create({
    title: 'Scripted',
    format: 'markdown',
    body: 'The cat sat. The dog sat. The cat ran.',
  });
  expect(status).toBe(201);
  const claim = await api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: 'dog sat' } } });
  expect(claim.status()).toBe(201);
  expect(await claim.json()).toMatchObject({
    articleId: article.id,
    status: 'DRAFT',
    quote: { exact: 'dog sat', prefix: 'The cat sat. The ', suffix: '. The cat ran.' },
    position: { start: 17, end: 24 },
  });

  const ambiguous = await api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: 'The cat' } } });
  expect(ambiguous.status()).toBe(422);
  expect(((await ambiguous.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('quote.exact');
  const decided = await api.post(`/api/v1/articles/${article.id}/claims`, {
    data: { quote: { exact: 'The cat', suffix: ' ran' } },
  });
  expect(((await decided.json()) as { position: { start: number } }).position.start).toBe(26);
  const missing = await api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: 'bird' } } });
  expect(missing.status()).toBe(422);

  const full = (await (await api.get(`/api/v1/articles/${article.id}`)).json()) as {
    content: unknown;
    claims: unknown[];
    version: number;
  };
  expect(full.claims).toHaveLength(2);
  expect(JSON.stringify(full.content)).toContain('"type":"claim"');
  expect(full.version).toBe(3);
});

test('a stale save is a 409 and changes nothing; invalid editor JSON is a 400', async () => {
  const { json: article } = await create({ format: 'text', body: 'Original words.' });
  const ok = await api.patch(`/api/v1/articles/${article.id}`, { data: { baseVersion: 1, title: 'First save' } });
  expect(ok.status()).toBe(200);
  const stale = await api.patch(`/api/v1/articles/${article.id}`, { data: { baseVersion: 1, title: 'Stale save' } });
  expect(stale.status()).toBe(409);
  expect(stale.headers()['content-type']).toContain('application/problem+json');
  const bad = await api.patch(`/api/v1/articles/${article.id}`, {
    data: { baseVersion: 2, content: { type: 'doc', content: [{ type: 'script', text: 'x' }] } },
  });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('content');
  const now = (await (await api.get(`/api/v1/articles/${article.id}`)).json()) as {
    title: string;
    version: number;
    plainText: string;
  };
  expect(now).toMatchObject({ title: 'First save', version: 2, plainText: 'Original words.' });
});

test('empty and oversized articles are refused and nothing is created', async () => {
  // Other specs create articles in parallel: look for these attempts by their own title.
  const title = `Refused ${Date.now().toString(36)}`;
  expect((await create({ title, format: 'text', body: '' })).status).toBe(400);
  expect((await create({ title, format: 'html', body: '<script>x</script>' })).status).toBe(422);
  expect((await create({ title, format: 'text', body: 'x'.repeat(2 * 1024 * 1024 + 1) })).status).toBe(400);
  const list = (await (await api.get('/api/v1/articles?limit=100')).json()) as { items: { title: string }[] };
  expect(list.items.filter((a) => a.title === title)).toEqual([]);
});

test('a 2 MB article is accepted', async () => {
  const paragraph = 'Word '.repeat(200).trim();
  const body = Array.from(
    { length: Math.floor((2 * 1024 * 1024 - 10) / (paragraph.length + 1)) },
    () => paragraph,
  ).join('\n');
  const { status, json } = await create({ format: 'text', body });
  expect(status).toBe(201);
  expect(json.plainText.length).toBeGreaterThan(2_000_000);
});

test('a deleted claim leaves the text, and can be restored', async () => {
  const { json: article } = await create({ format: 'text', body: 'Claim to delete here.' });
  const claim = (await (
    await api.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: 'Claim to delete' } } })
  ).json()) as { id: string };
  expect((await api.delete(`/api/v1/claims/${claim.id}`)).status()).toBe(204);
  expect((await api.get(`/api/v1/claims/${claim.id}`)).status()).toBe(404);
  const deleted = (await (await api.get(`/api/v1/articles/${article.id}/claims?deleted=true`)).json()) as {
    items: { id: string }[];
  };
  expect(deleted.items.map((c) => c.id)).toEqual([claim.id]);
  const restored = await api.post(`/api/v1/claims/${claim.id}/restore`);
  expect(restored.status()).toBe(200);
  expect(await restored.json()).toMatchObject({ id: claim.id, detached: false, quote: { exact: 'Claim to delete' } });
});

test('an article is imported from a URL with its metadata, in the UI', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/articles/new?from=url');
  await page.getByLabel('Web address of the article').fill(`${pagesBase}/bridge`);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.locator('.editor-content')).toContainText('The council voted 7 to 2');
  await expect(page.locator('.editor-content')).not.toContainText('Home · World');
  expect(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
  const id = page.url().split('/').pop();
  const article = (await (await api.get(`/api/v1/articles/${id}`)).json()) as Record<string, unknown>;
  expect(article).toMatchObject({
    sourceUrl: 'https://gazette.example.org/bridge-vote',
    publisher: 'Local Gazette',
    originalPublishedAt: '2025-08-18T10:00:00.000Z',
    language: 'en',
  });
  expect(String(article.title)).toMatch(/Bridge vote|Council backs the bridge/);

  await page.goto('/articles/new?from=url');
  await page.getByLabel('Web address of the article').fill(`${pagesBase}/empty`);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByText('This page has no article text.')).toBeVisible();
  await expect(page.getByLabel('Web address of the article')).toHaveValue(`${pagesBase}/empty`);
});
