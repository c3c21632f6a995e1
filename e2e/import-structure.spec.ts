import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { editorRunning, expectSaved, selectText } from './support/editor';
import {
  addSource,
  bodyOf,
  createTextArticle,
  markClaim,
  saveClaim,
  settlePublishingSettings,
  submitClaim,
} from './support/newsroom-api';
import { reviewNow } from './support/review';

// Issue #15: imports keep their structure (tables), and say what they left out.

let room: Newsroom;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

const budgetTable =
  '<p>The budget grows.</p><table><thead><tr><th>Department</th><th>FY2026</th><th>FY2027</th></tr></thead>' +
  '<tbody><tr><td>Health</td><td>1.2 bn</td><td>health spending doubles</td></tr><tr><td>Schools</td><td>0.8 bn</td><td>0.9 bn</td></tr></tbody></table>';

test('a pasted HTML table stays a table, and a claim in a cell publishes highlighted in a real table', async ({
  browser,
}) => {
  const title = `Budget table ${uniqueSuffix()}`;
  const created = await room.editorApi.post('/api/v1/articles', { data: { title, format: 'html', body: budgetTable } });
  expect(created.status(), await created.text()).toBe(201);
  const { id, slug } = (await created.json()) as { id: string; slug: string };

  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${id}`);
  const editorTable = page.locator('.editor-content table');
  await expect(editorTable.locator('th')).toHaveText(['Department', 'FY2026', 'FY2027']);
  await expect(editorTable.locator('tr')).toHaveCount(3);
  await expect(page.locator('.editor-content')).not.toContainText('Department FY2026 FY2027');
  await page.context().close();

  const claimId = await markClaim(room.editorApi, id, 'health spending doubles');
  const ratings = await bodyOf<{ items: { id: string; label: string }[] }>(await room.editorApi.get('/api/v1/ratings'));
  await saveClaim(room.editorApi, claimId, {
    rating: ratings.items.find((r) => r.label === 'False')?.id,
    shortVerdict: 'No: it grows by a sixth.',
  });
  await addSource(room.editorApi, claimId, {
    url: 'https://budget.example.org/t2',
    title: 'Budget table 2',
    publisher: 'Treasury',
    publishedAt: '2025-05-01',
    kind: 'official-data',
  });
  await submitClaim(room.editorApi, claimId);
  expect((await reviewNow(room.reviewerApi, claimId, { decision: 'approve' })).status()).toBe(201);
  await settlePublishingSettings(room.admin);
  const published = await room.editorApi.post(`/api/v1/articles/${id}/publications`, { data: {} });
  expect(published.status(), await published.text()).toBe(201);

  const reader = await newPage(browser, { javaScriptEnabled: false });
  await reader.goto(`/a/${slug}`);
  const table = reader.locator('article.text table');
  await expect(table.getByRole('columnheader')).toHaveText(['Department', 'FY2026', 'FY2027']);
  await expect(table.getByRole('row')).toHaveCount(3);
  const cell = table.getByRole('cell').filter({ has: reader.locator('mark.claim') });
  await expect(cell.locator('mark.claim')).toHaveText('health spending doubles');
  await expect(cell.getByRole('button', { name: 'False' })).toBeVisible();
  await expect(table.getByRole('cell', { name: '1.2 bn', exact: true })).toBeVisible();
  await reader.context().close();
});

test('a table pasted from a spreadsheet into the editor stays a table, without its styles, and is saved', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The budget grows. Figures follow.',
    `Pasted ${uniqueSuffix()}`,
  );
  const page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${id}`);
  await editorRunning(page);
  // What a spreadsheet puts on the clipboard: its own markup with inline styles and column widths, and tab-separated text.
  await page.evaluate(async () => {
    const html =
      '<meta charset="utf-8"><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #ccc;}--></style>' +
      '<table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt">' +
      '<colgroup><col width="100"><col width="100"></colgroup><tbody>' +
      '<tr style="height:21px"><td style="font-weight:bold;background:#ff0">Region</td><td style="font-weight:bold">Growth</td></tr>' +
      '<tr><td onclick="alert(1)">North</td><td style="color:red">wages rose by a third</td></tr>' +
      '<tr><td>South</td><td>2.1%</td></tr></tbody></table>';
    const text = 'Region\tGrowth\nNorth\twages rose by a third\nSouth\t2.1%';
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
  });
  await selectText(page, 'Figures follow.');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+V');

  const table = page.locator('.editor-content table');
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('td, th').first()).toHaveText('Region');
  await expect(table).toContainText('wages rose by a third');
  // Only the editor's schema came in: no inline styles, handlers or spreadsheet markup.
  expect(
    await table.evaluate((t) => t.querySelectorAll('[style]:not(col), [onclick], google-sheets-html-origin').length),
  ).toBe(0);
  await expectSaved(page);

  // Saved as a table: the stored text reads cell by cell, and a claim can be marked in a cell.
  const saved = await bodyOf<{ plainText: string; content: unknown }>(
    await room.editorApi.get(`/api/v1/articles/${id}`),
  );
  expect(JSON.stringify(saved.content)).toContain('"type":"table"');
  expect(saved.plainText).toContain('wages rose by a third');
  await markClaim(room.editorApi, id, 'wages rose by a third');
  await page.reload();
  await expect(page.locator('.editor-content table mark[data-claim-id]')).toHaveText('wages rose by a third');
  await page.context().close();
});

test('a paste into the editor that carries images, a video frame or a copied picture says what it left out', async ({
  browser,
}) => {
  const { id } = await createTextArticle(room.editorApi, 'The port story.', `Paste media ${uniqueSuffix()}`);
  const page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${id}`);
  await editorRunning(page);
  const paste = async (item: 'html' | 'picture') => {
    await page.evaluate(async (kind) => {
      if (kind === 'html') {
        const html =
          '<p>The port reopened on Monday.</p><img src="https://cdn.example.org/port.jpg" alt="The harbour at dawn">' +
          '<iframe src="https://video.example.org/embed/7" title="Harbour video"></iframe>';
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([html], { type: 'text/html' }),
            'text/plain': new Blob(['The port reopened on Monday.'], { type: 'text/plain' }),
          }),
        ]);
        return;
      }
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 4;
      const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/png'));
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    }, item);
    await selectText(page, 'The port story.');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+V');
  };

  await paste('html');
  await expect(page.locator('.editor-content')).toContainText('The port reopened on Monday.');
  const notice = page.getByRole('status').filter({ hasText: 'The paste came in without' });
  await expect(notice).toContainText('1 image and 1 embedded frame');
  await expect(notice.getByRole('listitem')).toHaveText([
    'Image: “The harbour at dawn” — https://cdn.example.org/port.jpg',
    'Embedded frame: “Harbour video” — https://video.example.org/embed/7',
  ]);
  await expect(page.locator('.editor-content img, .editor-content iframe')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // A copied picture (a screenshot) comes as a file: it is not pasted either, and that is said.
  await paste('picture');
  await expect(page.getByRole('status').filter({ hasText: 'The paste came in without 1 image' })).toBeVisible();
  await expectSaved(page);
  await page.context().close();
});

const withMedia =
  '<p>The port reopened on Monday.</p><img src="https://cdn.example.org/port.jpg" alt="The harbour at dawn"><iframe src="https://video.example.org/embed/7" title="Harbour video"></iframe>';

test('an import that leaves images out says so: the API lists them, and the new-article page shows them with a link on', async ({
  browser,
}) => {
  const created = await room.editorApi.post('/api/v1/articles', {
    data: { title: `Media ${uniqueSuffix()}`, format: 'html', body: withMedia },
  });
  expect(created.status(), await created.text()).toBe(201);
  expect(((await created.json()) as { omitted: unknown[] }).omitted).toEqual([
    { kind: 'image', description: 'The harbour at dawn', url: 'https://cdn.example.org/port.jpg' },
    { kind: 'frame', description: 'Harbour video', url: 'https://video.example.org/embed/7' },
  ]);
  const plain = await room.editorApi.post('/api/v1/articles', {
    data: { title: `No media ${uniqueSuffix()}`, format: 'text', body: 'Only words.' },
  });
  expect(((await plain.json()) as { omitted: unknown[] }).omitted).toEqual([]);

  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, '/articles/new');
  const title = `Pasted media ${uniqueSuffix()}`;
  await page.locator('#paste-title').fill(title);
  await page.getByLabel('Format').selectOption('html');
  await page.getByLabel('Article text').fill(withMedia);
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.getByRole('form', { name: 'Paste' }).getByRole('status')).toContainText(
    'created without 1 image and 1 embedded frame',
  );
  const notice = page.locator('.import-notice');
  await expect(notice.getByRole('listitem')).toHaveText([
    'Image: “The harbour at dawn” — https://cdn.example.org/port.jpg',
    'Embedded frame: “Harbour video” — https://video.example.org/embed/7',
  ]);
  await notice.getByRole('link', { name: `Open “${title}”` }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[a-z0-9]+$/);
  await expect(page.locator('.editor-content')).toContainText('The port reopened on Monday.');
  await page.context().close();
});

// A real 1×1 PNG, served as a page's photo; the page's SVG logo is refused (SVG can carry script).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
let pages: Server;
let pagesBase: string;

test.beforeAll(async () => {
  pages = createServer((req, res) => {
    if (req.url === '/photo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/logo.svg')
      return res
        .writeHead(200, { 'content-type': 'image/svg+xml' })
        .end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    if (req.url !== '/story') return res.writeHead(404).end();
    const paragraph =
      '<p>The harbour bridge opened on Monday after three years of work, the port authority said in a statement.</p>';
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<!doctype html><html lang="en"><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1><p>The mayor cut the ribbon at nine.</p>${paragraph.repeat(3)}` +
          `<figure><img src="/photo.png" alt="The bridge at dawn"><figcaption>Opening day on the harbour</figcaption></figure>` +
          `${paragraph.repeat(2)}<p><img src="/logo.svg" alt="Port authority logo"></p></article></body></html>`,
      );
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

test('an imported page keeps its photo as a figure, served by Factmark with nosniff, public once published; a refused SVG is listed', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, '/articles/new?from=url');
  await page.getByLabel('Web address of the article').fill(`${pagesBase}/story`);
  await page.getByRole('button', { name: 'Import article' }).click();
  const form = page.getByRole('form', { name: 'Import' });
  await expect(form.getByRole('status')).toContainText('created without 1 image', { timeout: 30_000 });
  await expect(form.locator('.import-notice').getByRole('listitem')).toHaveText([
    `Image: “Port authority logo” — ${pagesBase}/logo.svg`,
  ]);
  await form.getByRole('link', { name: /^Open “Bridge opens”/ }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[a-z0-9]+$/);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';

  const figure = page.locator('.editor-content figure');
  await expect(figure).toHaveCount(1);
  await expect(figure.locator('figcaption')).toHaveText('Opening day on the harbour');
  const image = figure.getByRole('img', { name: 'The bridge at dawn' });
  await expect(image).toHaveAttribute('src', /^\/media\/[0-9a-f-]{36}$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  const src = (await image.getAttribute('src')) ?? '';

  const staff = await page.request.get(src);
  expect(staff.status()).toBe(200);
  expect(staff.headers()).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
  expect(staff.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(Buffer.from(await staff.body()).equals(PNG)).toBe(true);
  await page.context().close();

  const reader = await newPage(browser, { javaScriptEnabled: false });
  expect((await reader.request.get(src)).status()).toBe(404);

  const claimId = await markClaim(room.editorApi, id, 'The mayor cut the ribbon at nine');
  const ratings = await bodyOf<{ items: { id: string; label: string }[] }>(await room.editorApi.get('/api/v1/ratings'));
  await saveClaim(room.editorApi, claimId, {
    rating: ratings.items.find((r) => r.label === 'True')?.id,
    shortVerdict: 'Yes: at nine.',
  });
  await addSource(room.editorApi, claimId, {
    url: 'https://port.example.org/bridge',
    title: 'Bridge opening',
    publisher: 'Port authority',
    publishedAt: '2025-05-01',
    kind: 'official-data',
  });
  await submitClaim(room.editorApi, claimId);
  expect((await reviewNow(room.reviewerApi, claimId, { decision: 'approve' })).status()).toBe(201);
  await settlePublishingSettings(room.admin);
  const published = await room.editorApi.post(`/api/v1/articles/${id}/publications`, { data: {} });
  expect(published.status(), await published.text()).toBe(201);
  const { slug } = (await (await room.editorApi.get(`/api/v1/articles/${id}`)).json()) as { slug: string };

  await reader.goto(`/a/${slug}`);
  const shown = reader.locator('article.text figure');
  await expect(shown.getByRole('img', { name: 'The bridge at dawn' })).toHaveAttribute('src', src);
  await expect(shown.locator('figcaption')).toHaveText('Opening day on the harbour');
  await expect
    .poll(() => shown.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1);
  const pub = await reader.request.get(src);
  expect(pub.status()).toBe(200);
  expect(pub.headers()['x-content-type-options']).toBe('nosniff');
  await reader.context().close();
});
