import { expect, test, type Page } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { createTextArticle, markClaim } from './support/newsroom-api';
import { editorRunning } from './support/editor';

// The claim panel as a roomy detail view (issue #15, part 3): a wide sheet beside the text from 1100 px, the whole
// width below, in sections; Escape or Back closes it and the keyboard returns to the card that opened it.

let room: Newsroom;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of background that nobody needs to check at all.`);

async function articleWithLateClaim(): Promise<{ articleId: string; claimId: string }> {
  const text = [...filler(14), 'At the end the minister said exports rose 12 percent.'].join('\n\n');
  const { id: articleId } = await createTextArticle(room.editorApi, text, `Detail view ${uniqueSuffix()}`);
  return { articleId, claimId: await markClaim(room.editorApi, articleId, 'exports rose 12 percent') };
}

async function openFromCard(page: Page, articleId: string, claimId: string): Promise<void> {
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${articleId}`);
  await editorRunning(page);
  await page.getByRole('link', { name: /^Verdict and sources/ }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]claim=${claimId}`));
  await expect(page.getByRole('heading', { name: 'Claim', exact: true })).toBeFocused();
}

const cardButton = (page: Page) => page.getByRole('link', { name: /^Verdict and sources/ });

test('at 1440 px the open claim is a wide sheet in sections beside its highlight; Escape returns to its card', async ({
  browser,
}) => {
  const { articleId, claimId } = await articleWithLateClaim();
  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await openFromCard(page, articleId, claimId);

  const sheet = page.getByRole('complementary', { name: 'Claim details' });
  const panel = page.getByRole('region', { name: 'Claim', exact: true });
  for (const name of ['The claim', 'Who said it', 'The verdict', 'Sources (0)', 'Review and discussion'])
    await expect(panel.getByRole('heading', { name, exact: true })).toBeVisible();
  // Roomy: at least 30rem wide, while the article stays beside it with the claim's words in view.
  expect((await sheet.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(480);
  const highlight = page.locator(`.editor-main mark[data-claim-id="${claimId}"]`);
  await expect(highlight).toBeInViewport();
  const [sheetBox, highlightBox] = [await sheet.boundingBox(), await highlight.boundingBox()];
  expect((highlightBox?.x ?? 0) + (highlightBox?.width ?? 0)).toBeLessThanOrEqual(sheetBox?.x ?? 0);

  await page.getByLabel('Claimant', { exact: true }).fill('The minister');
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/claim=/);
  await expect(cardButton(page)).toBeFocused();
  // Escape with a change saves it first, as "Back to all claims" does.
  await expect
    .poll(
      async () =>
        ((await (await room.editorApi.get(`/api/v1/claims/${claimId}`)).json()) as { claimant: string | null })
          .claimant,
    )
    .toBe('The minister');
  await page.context().close();
});

test('below 1100 px the open claim takes the whole width; Back closes it and returns to its card', async ({
  browser,
}) => {
  const { articleId, claimId } = await articleWithLateClaim();
  const page = await newPage(browser, { viewport: { width: 900, height: 800 } });
  await openFromCard(page, articleId, claimId);

  const sheet = page.getByRole('complementary', { name: 'Claim details' });
  const main = page.getByRole('main');
  const [sheetBox, mainBox] = [await sheet.boundingBox(), await main.boundingBox()];
  expect(sheetBox?.width ?? 0).toBeGreaterThanOrEqual((mainBox?.width ?? 0) - 64);
  await expect(page.locator('.editor-main')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'The verdict', exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await page.goBack();
  await expect(page).not.toHaveURL(/claim=/);
  await expect(page.locator('.editor-main')).toBeVisible();
  await expect(cardButton(page)).toBeFocused();
  await page.context().close();
});

test('a verdict typed in the panel is kept when the page is reloaded', async ({ browser }) => {
  const { articleId, claimId } = await articleWithLateClaim();
  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${articleId}?claim=${claimId}`);
  await page.getByLabel('Short verdict', { exact: true }).fill('Exports rose 3 percent.');
  await page.reload();
  await expect
    .poll(
      async () =>
        ((await (await room.editorApi.get(`/api/v1/claims/${claimId}`)).json()) as { shortVerdict: string | null })
          .shortVerdict,
    )
    .toBe('Exports rose 3 percent.');
  await page.reload();
  await expect(page.getByLabel('Short verdict', { exact: true })).toHaveValue('Exports rose 3 percent.');
  await page.context().close();
});

test('"Verdict and sources" is a link to the claim: opened in a new tab, it shows that claim', async ({ browser }) => {
  const { articleId, claimId } = await articleWithLateClaim();
  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${articleId}`);
  await editorRunning(page);
  const tabOpened = page.context().waitForEvent('page');
  await cardButton(page).click({ modifiers: ['ControlOrMeta'] });
  const tab = await tabOpened;
  await expect(tab).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claimId}$`));
  await expect(tab.getByRole('region', { name: 'Claim', exact: true })).toContainText('exports rose 12 percent');
  // The first tab stayed on the article, its claim closed.
  await expect(page).not.toHaveURL(/claim=/);
  await expect(page.getByRole('region', { name: 'Claim', exact: true })).toHaveCount(0);
  await page.context().close();
});
