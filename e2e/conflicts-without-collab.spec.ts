import { expect, test, type Page } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { editorText, expectSaved } from './support/editor';
import { createTextArticle, getClaimDetail, markClaim, saveClaim } from './support/newsroom-api';
import { startSecondInstance, type SecondInstance } from './support/second-instance';

// With live collaboration off (FACTMARK_COLLAB=0) the editor and the claim panel save through the API alone, and
// a save on an older version is refused (409): what the person typed is kept, and both versions are shown. The test
// server runs live, so these run on a second instance without it, on the same database.
test.describe.configure({ mode: 'serial' });

let room: Newsroom;
let instance: SecondInstance;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  room = await newsroom();
  instance = await startSecondInstance({ FACTMARK_COLLAB: '0' });
});

test.afterAll(async () => {
  await instance.stop();
});

/** Opens `path` on the instance without live collaboration, signed in as the newsroom's editor. */
async function openNotLive(page: Page, path: string): Promise<void> {
  await signInByHttp(page, room.editor.email, room.editor.password);
  await page.goto(`${instance.url}${path}`);
  await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveAttribute('contenteditable', 'true');
  // Live, the editor lists the people in the article; here there is no one to list.
  await expect(page.getByRole('list', { name: 'People in this article' })).toHaveCount(0);
}

test('not live, a claim saved elsewhere meanwhile stops the panel’s save: both versions are named, and Overwrite keeps their other fields', async ({
  browser,
}) => {
  const { id: articleId } = await createTextArticle(
    room.editorApi,
    'The minister said bus fares fell by half last year.',
    `Not live ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, articleId, 'bus fares fell by half');
  const page = await newPage(browser);
  await openNotLive(page, `/articles/${articleId}?claim=${claimId}`);
  const panel = page.getByRole('region', { name: 'Claim', exact: true });
  await expect(panel.getByRole('heading', { name: 'Claim', exact: true })).toBeFocused();
  const status = panel.locator('.claim-save-status');
  await expect(status).toHaveText('Saved');

  // A colleague saves version 2 while the panel still shows version 1.
  await saveClaim(room.editorApi, claimId, { claimant: 'The transport minister', shortVerdict: 'Fares fell a tenth.' });
  await panel.getByLabel('Claimant', { exact: true }).fill('The bus company');
  const conflict = panel.getByRole('alert').filter({ hasText: 'changed by someone else' });
  await expect(conflict).toContainText('now version 2');
  await expect(conflict).toContainText('Your changes are based on version 1');
  await expect(conflict.locator('[data-field="claimant"]')).toHaveText(
    'ClaimantTheirs: “The transport minister” · Yours: “The bus company”',
  );
  await expect(status).toHaveText('Not saved');
  await expect(panel.getByLabel('Claimant', { exact: true })).toHaveValue('The bus company');
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    version: 2,
    claimant: 'The transport minister',
  });

  await conflict.getByRole('button', { name: 'Overwrite with my version' }).click();
  await expect(status).toHaveText('Saved');
  await expect(conflict).toHaveCount(0);
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    version: 3,
    claimant: 'The bus company',
    shortVerdict: 'Fares fell a tenth.',
  });
  await page.context().close();
});

test('not live, a tab older than the text saved in another tab says so instead of "All changes saved", and shows the server version with its differences marked', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The council approved the budget on Monday.',
    `Two tabs not live ${uniqueSuffix()}`,
  );
  const first = await newPage(browser);
  await openNotLive(first, `/articles/${id}`);
  const second = await first.context().newPage();
  await second.goto(`${instance.url}/articles/${id}`);
  await expect(second.getByRole('textbox', { name: 'Article text' })).toHaveAttribute('contenteditable', 'true');
  await second.locator('.article-body p').first().click();
  await second.keyboard.press('End');
  await second.keyboard.type(' It passed narrowly.');
  await expectSaved(second);

  const conflict = first.locator('.conflict');
  await expect(conflict).toContainText('You saved this article in another tab');
  await expect(first.locator('.save-status')).toHaveAttribute('data-state', 'conflict');
  await first.locator('.article-body p').first().click();
  await first.keyboard.press('End');
  await first.keyboard.type(' It failed.');

  await conflict.getByRole('button', { name: 'Show the server version' }).click();
  const copy = first.getByRole('region', { name: /^Server version \d+$/ });
  await expect(copy.locator('ins')).toContainText(['passed narrowly']);
  await expect(copy.locator('del')).toContainText(['failed']);
  // Nothing this tab typed went over the other tab's save.
  const saved = (await (await room.editorApi.get(`/api/v1/articles/${id}`)).json()) as { plainText: string };
  expect(saved.plainText).toBe('The council approved the budget on Monday. It passed narrowly.');

  await copy.getByRole('button', { name: 'Use the server version (discard mine)' }).click();
  await expect.poll(() => editorText(first)).toBe('The council approved the budget on Monday. It passed narrowly.');
  await expect(first.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  await expect(conflict).toHaveCount(0);
  await first.context().close();
});
