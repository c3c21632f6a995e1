import { expect, test, type Page } from '@playwright/test';
import { newPage, newsroom, signIn, uniqueSuffix, type Newsroom } from './support/accounts';
import { expectSaved } from './support/editor';
import { createTextArticle, markClaim } from './support/newsroom-api';

// Defects from issue #15's first walk through the staff screens, one test each.

let room: Newsroom;

test.beforeAll(async ({ browser }) => {
  room = await newsroom(browser);
});

async function editorPage(page: Page, path: string): Promise<void> {
  await signIn(page, room.editor.email, room.editor.password, path);
}

test('a title over 300 characters is marked at the title field and the text is still saved', async ({ browser }) => {
  const { id } = await createTextArticle(room.editorApi, 'The first paragraph of the article.', `Long title ${uniqueSuffix()}`);
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('T'.repeat(320));
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#article-title-error')).toContainText('300 characters');
  await page.locator('.editor-content p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Added after the long title.');
  await expectSaved(page);
  await page.reload();
  await expect(page.locator('.editor-content')).toContainText('Added after the long title.');
  await page.context().close();
});

test('an unbroken very long title wraps on the dashboard instead of widening it', async ({ browser }) => {
  await createTextArticle(room.editorApi, 'Text of the article.', `W${uniqueSuffix()}${'W'.repeat(280)}`);
  const page = await newPage(browser);
  await editorPage(page, '/dashboard');
  await expect(page.getByRole('heading', { name: 'All articles' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.context().close();
});

test('the dashboard says "1 claim" for an article with one claim', async ({ browser }) => {
  const titleText = `One claim ${uniqueSuffix()}`;
  const { id } = await createTextArticle(room.editorApi, 'Unemployment fell to 4 percent last year.', titleText);
  await markClaim(room.editorApi, id, 'Unemployment fell to 4 percent');
  const page = await newPage(browser);
  await editorPage(page, '/dashboard');
  const item = page.locator('.article-list li', { has: page.getByRole('link', { name: titleText }) }).last();
  await expect(item.locator('.meta')).toHaveText('1 claim');
  await page.context().close();
});

test('a whitespace-only paste states its one problem once, at the field', async ({ browser }) => {
  const page = await newPage(browser);
  await editorPage(page, '/articles/new');
  await page.getByLabel('Article text').fill('  \n  ');
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.locator('#paste-body-error')).toHaveText('The article is empty.');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create article' }) });
  await expect(form.locator('.form-error')).toHaveText('Please correct the marked fields.');
  await page.context().close();
});
