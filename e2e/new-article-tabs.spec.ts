import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import {
  createUser,
  demoAdminApi,
  newPage,
  signInByHttp,
  signInOverHttp,
  uniqueSuffix,
  type TestUser,
} from './support/accounts';

// The new-article page: one tab per way to add an article, the chosen one in `?from=paste|upload|url`.
let editor: TestUser;
let pages: Server;
let pagesBase: string;

test.beforeAll(async () => {
  editor = await createUser(await demoAdminApi(), ['EDITOR']);
  pages = createServer((req, res) => {
    if (req.url !== '/story') return res.writeHead(404).end();
    const paragraph = '<p>The ferry timetable changes on Monday, the harbour office said in a short statement.</p>';
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<!doctype html><html lang="en"><head><title>Ferry times change</title></head><body><article><h1>Ferry times change</h1>${paragraph.repeat(6)}</article></body></html>`,
      );
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

const tab = (page: Page, name: string) => page.getByRole('tab', { name });

async function expectChosen(page: Page, name: 'Paste' | 'Upload a file' | 'Import from a URL', from: string) {
  await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveCount(1);
  await expect(page.getByRole('tabpanel')).toHaveAccessibleName(name);
  await expect(page).toHaveURL(new RegExp(`/articles/new\\?from=${from}$`));
}

test('the tabs are reached with Tab and switched with the arrow keys, each choice written into the address', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/articles/new');
  await expect(page.getByRole('tablist', { name: 'How to add the article' })).toBeVisible();
  await expect(tab(page, 'Paste')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Article text')).toBeVisible();

  await page.locator('p.lead').click();
  await page.keyboard.press('Tab');
  await expect(tab(page, 'Paste')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Upload a file')).toBeFocused();
  await expectChosen(page, 'Upload a file', 'upload');
  await expect(page.getByLabel('File (.txt, .md, .html or .docx)')).toBeVisible();
  await expect(page.getByLabel('Article text')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expectChosen(page, 'Import from a URL', 'url');
  await expect(page.getByLabel('Web address of the article')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Paste')).toBeFocused();
  await expectChosen(page, 'Paste', 'paste');
  await page.keyboard.press('End');
  await expectChosen(page, 'Import from a URL', 'url');
  await page.keyboard.press('Home');
  await expectChosen(page, 'Paste', 'paste');
  // From the chosen tab, Tab leaves the tab list (the other tabs are not stops) for the panel.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel', { name: 'Paste' })).toBeFocused();
  await page.context().close();
});

test('?from= opens that tab (unknown values open Paste); a chosen tab replaces the address, so Back leaves the page', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/articles/new?from=url');
  await expectChosen(page, 'Import from a URL', 'url');
  await expect(page.getByLabel('Web address of the article')).toBeVisible();
  await expect(page.getByLabel('Article text')).toBeHidden();

  await page.goto('/articles/new?from=ftp');
  await expect(tab(page, 'Paste')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Article text')).toBeVisible();

  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'New article' }).click();
  await expect(page).toHaveURL(/\/articles\/new$/);
  await tab(page, 'Upload a file').click();
  await expectChosen(page, 'Upload a file', 'upload');
  await tab(page, 'Import from a URL').click();
  await expectChosen(page, 'Import from a URL', 'url');
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goForward();
  await expectChosen(page, 'Import from a URL', 'url');
  await page.context().close();
});

test('what was typed in a form survives choosing another tab and coming back', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/articles/new');
  await page.locator('#paste-title').fill('Half-written');
  await page.getByLabel('Format').selectOption('markdown');
  await page.getByLabel('Article text').fill('The first paragraph, not yet finished');
  await tab(page, 'Import from a URL').click();
  await page.getByLabel('Web address of the article').fill('https://example.org/story');
  await tab(page, 'Paste').click();
  await expect(page.locator('#paste-title')).toHaveValue('Half-written');
  await expect(page.getByLabel('Format')).toHaveValue('markdown');
  await expect(page.getByLabel('Article text')).toHaveValue('The first paragraph, not yet finished');
  await tab(page, 'Import from a URL').click();
  await expect(page.getByLabel('Web address of the article')).toHaveValue('https://example.org/story');
  await page.context().close();
});

test('an article is created from each tab', async ({ browser }) => {
  const page = await newPage(browser);
  const suffix = uniqueSuffix();
  await signInByHttp(page, editor.email, editor.password, '/articles/new');
  const opened = async (text: string) => {
    await expect(page).toHaveURL(/\/articles\/(?!new$)[a-z0-9]+$/, { timeout: 30_000 });
    await expect(page.locator('.editor-content')).toContainText(text);
  };

  await page.locator('#paste-title').fill(`Pasted ${suffix}`);
  await page.getByLabel('Article text').fill('The bakery opened its second shop in March.');
  await page.getByRole('button', { name: 'Create article' }).click();
  await opened('The bakery opened its second shop in March.');

  await page.goto('/articles/new');
  await tab(page, 'Upload a file').click();
  await page
    .getByLabel('File (.txt, .md, .html or .docx)')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('The library stays open late.') });
  await page.locator('#upload-title').fill(`Uploaded ${suffix}`);
  await page.getByRole('button', { name: 'Upload article' }).click();
  await opened('The library stays open late.');

  await page.goto('/articles/new');
  await tab(page, 'Import from a URL').click();
  await page.getByLabel('Web address of the article').fill(`${pagesBase}/story`);
  await page.getByRole('button', { name: 'Import article' }).click();
  await opened('The ferry timetable changes on Monday');
  await page.context().close();
});

test('without script the chosen tab is served, the tabs are links to the others, and a form still creates', async ({
  browser,
}) => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await signInOverHttp(page.request, editor.email, editor.password);
  await page.goto('/articles/new?from=url');
  await expect(tab(page, 'Import from a URL')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Web address of the article')).toBeVisible();
  await expect(page.getByLabel('Article text')).toBeHidden();

  await page.locator('p.lead').click();
  await page.keyboard.press('Tab');
  await expect(tab(page, 'Paste')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(tab(page, 'Upload a file')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/articles\/new\?from=upload$/);
  await expect(page.getByLabel('File (.txt, .md, .html or .docx)')).toBeVisible();

  await tab(page, 'Paste').click();
  await expect(page).toHaveURL(/\/articles\/new\?from=paste$/);
  await page.locator('#paste-title').fill(`Script-free ${uniqueSuffix()}`);
  await page.getByLabel('Article text').fill('The tram line reopens in June.');
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[a-z0-9]+$/, { timeout: 30_000 });
  await page.context().close();
});
