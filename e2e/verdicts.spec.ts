import { confirmDialog, expectToast } from './support/toasts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { editorRunning } from './support/editor';
import {
  apiAs,
  createUser,
  demoAdmin,
  demoAdminApi,
  newPage,
  signInByHttp,
  tokenFor,
  uniqueSuffix,
  type TestUser,
} from './support/accounts';

let admin: APIRequestContext;
let editor: TestUser;
let editorApi: APIRequestContext;
let pages: Server;
let pagesBase: string;

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL ?? '';
  admin = await demoAdminApi();
  editor = await createUser(admin, ['EDITOR']);
  editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  pages = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><html><head><title>Budget statistics 2025</title>
      <meta property="og:site_name" content="National Statistics Office"><meta property="article:published_time" content="2025-07-01T09:00:00Z"></head>
      <body><p>Tables.</p></body></html>`);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

async function articleWithClaim(words = 'Unemployment fell by half'): Promise<{ id: string; claimId: string }> {
  const created = (await (
    await editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: `The minister said: ${words} last year.` },
    })
  ).json()) as { id: string };
  const claim = (await (
    await editorApi.post(`/api/v1/articles/${created.id}/claims`, { data: { quote: { exact: words } } })
  ).json()) as { id: string };
  return { id: created.id, claimId: claim.id };
}

async function openClaim(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await editorRunning(page);
  await page.getByRole('link', { name: /^Verdict and sources/ }).click();
  await expect(page.getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
}

test('an editor completes a claim: rating, short verdict, explanation and two sources; all is there after a reload', async ({
  browser,
}) => {
  const { id } = await articleWithClaim();
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  await openClaim(page, id);

  await page.getByLabel('Short form for search engines').fill('Unemployment fell by half last year');
  await expect(page.getByText('35 / 75 characters')).toBeVisible();
  await page.getByLabel('Claimant', { exact: true }).fill('Jane Minister');
  await page.getByLabel('Claimant’s role or organisation').fill('Minister of Labour');
  await page.getByLabel('When it was said').fill('2025-08-17');
  await page.getByLabel('Rating').selectOption({ label: 'Mostly false' });
  await page.getByLabel('Short verdict').fill('It fell by a fifth, not by half.');
  const explanation = page.getByRole('textbox', { name: 'Explanation' });
  await explanation.click();
  await page.keyboard.type('The statistics office reports a fall from 10% to 8%.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('That is a fifth, ');
  await page.keyboard.press('ControlOrMeta+B');
  await page.keyboard.type('not a half');
  await page.keyboard.press('ControlOrMeta+B');
  await page.keyboard.type('.');
  await page.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Claim saved.' })).toBeVisible();

  await page.getByLabel('Source URL').fill(`${pagesBase}/budget`);
  await page.getByLabel('Kind').selectOption({ label: 'Official data' });
  await page.getByLabel('Quoted excerpt').fill('Unemployment: 10.0% (2024), 8.0% (2025).');
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(
    page.getByRole('list', { name: 'Sources of this claim' }).getByRole('link', { name: 'Budget statistics 2025' }),
  ).toBeVisible();

  await page.getByLabel('Source URL').fill('https://ministry.example.org/press/123');
  await page.getByLabel('Kind').selectOption({ label: 'Primary document' });
  await page.getByLabel('Title (fetched from the page when empty)').fill('Ministry press release 123');
  await page.getByLabel('Publisher (fetched when empty)').fill('Ministry of Labour');
  await page.getByLabel('Date of the source (fetched when empty)').fill('2025-08-01');
  await page.getByLabel('Archived copy (URL)').fill('https://archive.example.org/ministry/123');
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem')).toHaveCount(2);

  // The open claim is in the address: a reload opens it again.
  await expect(page).toHaveURL(/[?&]claim=/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
  await expect(page.getByLabel('Rating')).toHaveValue(/.+/);
  await expect(page.getByLabel('Rating').locator('option:checked')).toHaveText('Mostly false');
  await expect(page.getByLabel('Short verdict')).toHaveValue('It fell by a fifth, not by half.');
  const saved = page.getByRole('textbox', { name: 'Explanation' });
  await expect(saved.locator('p')).toHaveText([
    'The statistics office reports a fall from 10% to 8%.',
    'That is a fifth, not a half.',
  ]);
  await expect(saved.locator('strong')).toHaveText('not a half');
  await expect(page.getByLabel('Claimant', { exact: true })).toHaveValue('Jane Minister');
  const sources = page.getByRole('list', { name: 'Sources of this claim' });
  await expect(sources.getByRole('listitem').first()).toContainText('National Statistics Office');
  await expect(sources.getByRole('listitem').nth(1)).toContainText('Ministry press release 123');
  await expect(sources.getByRole('listitem').nth(1)).toContainText('Ministry of Labour');
  await expect(sources.getByRole('listitem').nth(1).getByRole('link', { name: 'archived copy' })).toHaveAttribute(
    'href',
    'https://archive.example.org/ministry/123',
  );

  await sources.getByRole('button', { name: 'Move up: Ministry press release 123' }).click();
  await expect(sources.getByRole('listitem').first()).toContainText('Ministry press release 123');

  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('claim-status')).toHaveText('In review');
});

test('submitting an incomplete claim names each missing piece', async ({ browser }) => {
  const { id, claimId } = await articleWithClaim('Crime doubled');
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  await openClaim(page, id);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.locator('#claim-rating-error')).toHaveText('Choose a rating.');
  await expect(page.locator('#claim-shortVerdict-error')).toHaveText('Write a short verdict.');
  await expect(page.locator('#sources-error')).toHaveText('Add at least one source.');

  const api = await editorApi.post(`/api/v1/claims/${claimId}/submit`);
  expect(api.status()).toBe(422);
  const problem = (await api.json()) as { errors: { path: string }[] };
  expect(problem.errors.map((e) => e.path).sort()).toEqual(['rating', 'shortVerdict', 'sources']);
});

test('an admin adds a rating that editors can pick; taken out of use, it stays on the verdicts that have it', async ({
  browser,
}) => {
  const label = `Exaggerated ${uniqueSuffix()}`;
  const adminPage = await newPage(browser);
  await signInByHttp(adminPage, demoAdmin.email, demoAdmin.password, '/admin/ratings');
  const form = adminPage.locator('form', { has: adminPage.getByRole('button', { name: 'Add rating' }) });
  await form.getByLabel('Label').fill(label);
  await form.getByLabel('Colour').fill('#ffff00');
  await form.getByRole('button', { name: 'Add rating' }).click();
  await expect(form.getByText(/contrast must be at least 4.5:1/)).toBeVisible();
  await form.getByLabel('Colour').fill('#9a3412');
  await form.getByRole('button', { name: 'Add rating' }).click();
  await expectToast(adminPage, `“${label}” added to the scale.`);

  const { id, claimId } = await articleWithClaim('Prices tripled');
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  await openClaim(page, id);
  await page.getByLabel('Rating').selectOption({ label });
  await page.getByRole('button', { name: 'Save claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Claim saved.' })).toBeVisible();

  await adminPage.reload();
  const row = adminPage.getByRole('form', { name: `Rating ${label}` });
  await row.getByLabel('In use').uncheck();
  await row.getByRole('button', { name: `Save ${label}` }).click();
  await confirmDialog(adminPage, `Take “${label}” out of use?`)
    .getByRole('button', { name: `Take ${label} out of use` })
    .click();
  await expectToast(adminPage, `“${label}” saved.`);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
  await expect(page.getByLabel('Rating').locator('option:checked')).toHaveText(`${label} (no longer in use)`);
  const other = await articleWithClaim('Wages doubled');
  await openClaim(page, other.id);
  await expect(page.getByLabel('Rating').locator('option', { hasText: label })).toHaveCount(0);
  expect(
    ((await (await editorApi.get(`/api/v1/claims/${claimId}`)).json()) as { rating: { label: string } }).rating.label,
  ).toBe(label);
  const public_ = await page.request.get('/ratings');
  expect(await public_.text()).not.toContain(label);
});

test('bad verdict input is refused at its field and nothing is saved', async () => {
  const { claimId } = await articleWithClaim('Taxes rose');
  const badUrl = await editorApi.post(`/api/v1/claims/${claimId}/sources`, {
    data: { url: 'javascript:alert(1)', kind: 'news' },
  });
  expect(badUrl.status()).toBe(400);
  expect(((await badUrl.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('url');
  const long = await editorApi.patch(`/api/v1/claims/${claimId}`, {
    data: { baseVersion: 1, shortVerdict: 'x'.repeat(281) },
  });
  expect(long.status()).toBe(400);
  expect(((await long.json()) as { errors: { path: string; message: string }[] }).errors[0]).toEqual({
    path: 'shortVerdict',
    message: 'Use at most 280 characters.',
  });
  const unknown = await editorApi.patch(`/api/v1/claims/${claimId}`, {
    data: { baseVersion: 1, rating: 'no-such-rating', shortVerdict: 'Fine.' },
  });
  expect(unknown.status()).toBe(422);
  expect(((await unknown.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('rating');
  const stale = await editorApi.patch(`/api/v1/claims/${claimId}`, { data: { baseVersion: 7, shortVerdict: 'Fine.' } });
  expect(stale.status()).toBe(409);
  const claim = (await (await editorApi.get(`/api/v1/claims/${claimId}`)).json()) as {
    version: number;
    shortVerdict: string | null;
    sources: unknown[];
  };
  expect(claim).toMatchObject({ version: 1, shortVerdict: null, sources: [] });
});

test('changing the verdict of a claim in review sends it back to draft', async () => {
  const { claimId } = await articleWithClaim('Exports grew');
  const ratings = (await (await editorApi.get('/api/v1/ratings')).json()) as { items: { id: string }[] };
  await editorApi.patch(`/api/v1/claims/${claimId}`, {
    data: { baseVersion: 1, rating: ratings.items[0]?.id, shortVerdict: 'True.' },
  });
  await editorApi.post(`/api/v1/claims/${claimId}/sources`, {
    data: {
      url: 'https://stats.example.org/exports',
      title: 'Exports',
      publisher: 'Stats',
      publishedAt: '2025-01-01',
      kind: 'official-data',
    },
  });
  expect((await editorApi.post(`/api/v1/claims/${claimId}/submit`)).status()).toBe(200);
  const edited = await editorApi.patch(`/api/v1/claims/${claimId}`, {
    data: { baseVersion: 3, shortVerdict: 'True, by 3%.' },
  });
  expect(edited.status()).toBe(200);
  expect(((await edited.json()) as { status: string }).status).toBe('DRAFT');
});
