import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, newPage, signInByHttp, tokenFor, type TestUser } from './support/accounts';
import { editorText, expectSaved, selectText } from './support/editor';

const demoText = readFileSync(path.join(process.cwd(), 'prisma', 'seed-data', 'demo-article.txt'), 'utf8');

interface ArticleJson {
  id: string;
  version: number;
  plainText: string;
  claims: {
    id: string;
    quote: { exact: string; prefix: string; suffix: string };
    position: { start: number; end: number };
    detached: boolean;
  }[];
}

let admin: APIRequestContext;
let editor: TestUser;
let editorApi: APIRequestContext;

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL ?? '';
  admin = await demoAdminApi();
  editor = await createUser(admin, ['EDITOR']);
  editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
});

/** Pastes an article and opens it; `leftOut`: what the form must list as left out before the article is opened. */
async function pasteArticle(
  page: Page,
  title: string,
  body: string,
  format = 'Plain text',
  leftOut?: RegExp,
): Promise<string> {
  await page.goto('/articles/new');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create article' }) });
  await form.getByLabel('Title (optional)').fill(title);
  await form.getByLabel('Format').selectOption({ label: format });
  await form.getByLabel('Article text').fill(body);
  await form.getByRole('button', { name: 'Create article' }).click();
  if (leftOut) {
    const notice = page.locator('.import-notice');
    await expect(notice).toContainText(leftOut);
    await notice.getByRole('link', { name: `Open “${title}”` }).click();
  }
  await expect(page).toHaveURL(/\/articles\/(?!new$)[a-z0-9]+$/);
  await expect(page.locator('.editor-content')).toBeVisible();
  return page.url().split('/').pop() ?? '';
}

async function stored(id: string): Promise<ArticleJson> {
  const response = await editorApi.get(`/api/v1/articles/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ArticleJson;
}

function expectSelectorsMatch(article: ArticleJson) {
  for (const c of article.claims.filter((x) => !x.detached)) {
    expect(article.plainText.slice(c.position.start, c.position.end)).toBe(c.quote.exact);
    expect(article.plainText.slice(0, c.position.start).endsWith(c.quote.prefix)).toBe(true);
    expect(article.plainText.slice(c.position.end).startsWith(c.quote.suffix)).toBe(true);
  }
}

test('an editor pastes the demo article, marks overlapping claims, edits around and inside them, and reloads', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  const id = await pasteArticle(page, 'Demo for marking', demoText);

  await selectText(page, 'the 3.5-year war');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Mark claim' }).click();
  await expectSaved(page);
  await selectText(page, 'Russia also committed to a legislative promise');
  await page.keyboard.press('ControlOrMeta+Shift+C');
  await expectSaved(page);
  // Overlaps the previous claim: "a legislative promise not to pursue additional Ukrainian territory".
  await selectText(page, 'a legislative promise not to pursue additional Ukrainian territory');
  await page.keyboard.press('ControlOrMeta+Shift+C');
  await expectSaved(page);

  const sidebar = page.getByRole('list', { name: 'Claims in document order' });
  await expect(sidebar.getByRole('listitem')).toHaveCount(3);
  await expect(sidebar.getByRole('listitem').first()).toContainText('the 3.5-year war');

  // Edit before a claim and inside another.
  await selectText(page, 'significant development');
  await page.keyboard.type('major turn');
  await selectText(page, 'legislative promise');
  await page.keyboard.type('binding pledge');
  await expectSaved(page);

  await page.reload();
  await expect(page.locator('.editor-content mark[data-claim-id]').first()).toBeVisible();
  const article = await stored(id);
  expect(article.claims.map((c) => c.quote.exact).sort()).toEqual(
    [
      'Russia also committed to a binding pledge',
      'a binding pledge not to pursue additional Ukrainian territory',
      'the 3.5-year war',
    ].sort(),
  );
  expect(article.plainText).toContain('In a major turn following');
  expectSelectorsMatch(article);
  for (const c of article.claims) {
    await expect(page.locator(`.editor-content mark[data-claim-id="${c.id}"]`).first()).toBeVisible();
  }
});

test('clicking a claim in the sidebar selects its words; Alt+arrows step through claims', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  const id = await pasteArticle(page, 'Sidebar', 'Alpha claim one. Beta claim two.');
  await editorApi.post(`/api/v1/articles/${id}/claims`, { data: { quote: { exact: 'Alpha claim one' } } });
  await editorApi.post(`/api/v1/articles/${id}/claims`, { data: { quote: { exact: 'Beta claim two' } } });
  await page.reload();
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  // Both claims were made through the API on a live article: stepping goes to words the editor has highlighted, so
  // wait until the live text carries both marks (under load they arrived after the click once, and Alt+↓ found
  // no words to go to).
  await expect(page.locator('.editor-content mark[data-claim-id]')).toHaveCount(2);
  // The editor selects the words and takes the focus in its next frame: what is checked is where the selection ends.
  const selection = () => page.evaluate(() => window.getSelection()?.toString());
  await page.getByRole('button', { name: '“Beta claim two”' }).click();
  await expect.poll(selection).toBe('Beta claim two');
  await expect(page.locator('.editor-content')).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(selection).toBe('Alpha claim one');
  await expect(page.locator('.claim-item[aria-current="true"]')).toContainText('Alpha claim one');
});

test('removing a highlight asks; a kept claim is detached and can be attached again', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  const id = await pasteArticle(page, 'Detach', 'Gamma words here. Delta words there.');
  const claim = (await (
    await editorApi.post(`/api/v1/articles/${id}/claims`, { data: { quote: { exact: 'Gamma words' } } })
  ).json()) as { id: string };
  const mark = page.locator(`.editor-content mark[data-claim-id="${claim.id}"]`);
  await expect(mark).toBeVisible();
  await page.reload();
  // The live document is loaded and in step with the server before the highlight is removed.
  await expect(mark).toBeVisible();
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Remove highlight' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this highlight?' });
  await dialog.getByRole('button', { name: 'Keep it detached' }).click();
  const detachedList = page.getByRole('list', { name: 'Detached claims' });
  await expect(detachedList).toContainText('Gamma words');
  // The save may finish before a check could see it pending: wait for what the server stored.
  await expect.poll(async () => (await stored(id)).claims.find((c) => c.id === claim.id)?.detached).toBe(true);
  await expectSaved(page);

  await selectText(page, 'Delta words');
  await detachedList.getByRole('button', { name: 'Attach to selection' }).click();
  await expect
    .poll(async () => (await stored(id)).claims.find((c) => c.id === claim.id))
    .toMatchObject({ detached: false, quote: { exact: 'Delta words' } });
  await expectSaved(page);
});

test('two editors on one article edit the same sentence one after the other: no conflict, both see and save both edits', async ({
  browser,
}) => {
  const first = await newPage(browser);
  await signInByHttp(first, editor.email, editor.password);
  const id = await pasteArticle(first, 'Conflict', 'Shared paragraph.');
  const other = await createUser(admin, ['EDITOR']);
  const second = await newPage(browser);
  await signInByHttp(second, other.email, other.password, `/articles/${id}`);
  await expect(second.locator('.editor-content')).toContainText('Shared paragraph.');

  await selectText(first, 'Shared');
  await first.keyboard.type('First');
  await expectSaved(first);
  // The second editor's text follows the first's save: its own edit builds on it instead of conflicting.
  await expect.poll(() => editorText(second)).toBe('First paragraph.');

  await selectText(second, 'paragraph');
  await second.keyboard.type('words of the second editor');
  await expectSaved(second);
  for (const page of [first, second]) {
    await expect.poll(() => editorText(page)).toBe('First words of the second editor.');
    await expect(page.locator('.conflict')).toHaveCount(0);
    await expect(page.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  }
  expect((await stored(id)).plainText).toBe('First words of the second editor.');
});

test('pasted HTML is cleaned of scripts, handlers and unsafe links', async ({ browser }) => {
  const page = await newPage(browser);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signInByHttp(page, editor.email, editor.password);
  const id = await pasteArticle(
    page,
    'HTML paste',
    '<h1>Heading</h1><p onmouseover="alert(1)">Text <a href="javascript:alert(2)">bad</a> <a href="https://example.org/ok">good</a><script>alert(3)</script></p><iframe src="https://example.org"></iframe>',
    'HTML',
    /Embedded frame/,
  );
  await page.locator('.editor-content p').hover();
  const html = await page.locator('.editor-content').innerHTML();
  expect(html).not.toMatch(/onmouseover|javascript:|<script|<iframe/i);
  await expect(page.locator('.editor-content a[href="https://example.org/ok"]')).toHaveText('good');
  expect(dialogs).toEqual([]);
  expect((await stored(id)).plainText).toBe('Heading\nText bad good');
});

test('an empty paste and an unknown file type get a message at the field', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/articles/new');
  await page.getByLabel('Article text').fill('   ');
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.locator('#paste-body-error')).toHaveText('The article is empty.');

  await page.getByRole('tab', { name: 'Upload a file' }).click();
  await page
    .getByLabel('File (.txt, .md, .html or .docx)')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  await page.getByRole('button', { name: 'Upload article' }).click();
  await expect(page.locator('#upload-file-error')).toHaveText('Upload a .txt, .md, .html or .docx file.');

  await page
    .getByLabel('File (.txt, .md, .html or .docx)')
    .setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\n\nA *marked* line.') });
  await page.getByRole('button', { name: 'Upload article' }).click();
  await expect(page.locator('.editor-content h2')).toHaveText('Notes');
});

test('offline, the editor keeps the text and saves once the connection is back', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  const id = await pasteArticle(page, 'Offline', 'Written on a train.');
  // The connection drops while the article is open (live, the editor needs it once to start).
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await page.context().setOffline(true);
  await selectText(page, 'train');
  await page.keyboard.type('ferry');
  await expect(page.locator('.save-status')).toHaveAttribute('data-state', 'offline');
  await expect(page.locator('.save-status')).toContainText('your changes are kept in this tab');
  await page.context().setOffline(false);
  await expectSaved(page);
  expect((await stored(id)).plainText).toBe('Written on a ferry.');
});

test('highlights carry their state in words for screen readers', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  const id = await pasteArticle(page, 'Labels', 'A claim to label.');
  await editorApi.post(`/api/v1/articles/${id}/claims`, { data: { quote: { exact: 'claim to label' } } });
  await page.reload();
  await expect(page.locator('.editor-content .visually-hidden')).toHaveText(' (claim: No verdict)');
});
