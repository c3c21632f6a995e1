import { expect, test, type Page } from '@playwright/test';
import { newPage, newsroom, signIn, uniqueSuffix, type Newsroom } from './support/accounts';
import { createTextArticle, markClaim } from './support/newsroom-api';

// Defects from issue #15's first walk through the staff screens, one test each.

let room: Newsroom;

test.beforeAll(async ({ browser }) => {
  room = await newsroom(browser);
});

async function editorPage(page: Page, path: string): Promise<void> {
  await signIn(page, room.editor.email, room.editor.password, path);
}

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
