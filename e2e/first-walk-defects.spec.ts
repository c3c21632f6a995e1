import { expect, test, type Page } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { editorRunning, editorText, expectSaved, selectText } from './support/editor';
import { createTextArticle, getClaimDetail, markClaim, readyClaim, submitClaim } from './support/newsroom-api';
import { reviewNow } from './support/review';

// Defects from issue #15's first walk through the staff screens, one test each: the editor and its claim panel.
// The lists, the history, publishing and reading are in first-walk-reading.spec.ts.

let room: Newsroom;

test.beforeAll(async () => {
  // Signing in three users hashes three passwords: slow on a loaded machine.
  test.setTimeout(180_000);
  room = await newsroom();
});

async function editorPage(page: Page, path: string): Promise<void> {
  await signInByHttp(page, room.editor.email, room.editor.password, path);
}

test('a title over 300 characters is marked at the title field and the text is still saved', async ({ browser }) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The first paragraph of the article.',
    `Long title ${uniqueSuffix()}`,
  );
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('T'.repeat(320));
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#article-title-error')).toContainText('300 characters');
  // Live, the text can be typed in once the shared document is synced (until then it shows read-only).
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await page.locator('.editor-content p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Added after the long title.');
  await expectSaved(page);
  await page.reload();
  await expect(page.locator('.editor-content')).toContainText('Added after the long title.');
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

test('the open claim is in the address: Back closes it and a link opens it', async ({ browser }) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The mayor said crime fell by half in 2025.',
    `Claim address ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, id, 'crime fell by half');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  await editorRunning(page);
  await page.getByRole('link', { name: /^Verdict and sources/ }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]claim=${claimId}`));
  await expect(page.locator('.claim-panel .claim-quote')).toHaveText('“crime fell by half”');
  await page.goBack();
  await expect(page).not.toHaveURL(/claim=/);
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();
  await page.goto(`/articles/${id}?claim=${claimId}`);
  await expect(page.locator('.claim-panel .claim-quote')).toHaveText('“crime fell by half”');
  await page.context().close();
});

test('a half-filled verdict is saved by "Back to all claims" and by the browser\'s Back, not discarded', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'Officials said exports rose 12 percent.',
    `Half verdict ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, id, 'exports rose 12 percent');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  await editorRunning(page);
  await page.getByRole('link', { name: /^Verdict and sources/ }).click();
  await page.getByLabel('Rating', { exact: true }).selectOption({ label: 'False' });
  await page.getByLabel('Short verdict', { exact: true }).fill('Exports rose 3 percent.');
  await page.getByRole('button', { name: 'Back to all claims' }).click();
  await expect(page.locator(`li[data-claim-id="${claimId}"]`)).toContainText('Verdict drafted');
  const saved = await getClaimDetail(room.editorApi, claimId);
  expect(saved.rating?.label).toBe('False');
  expect(saved.shortVerdict).toBe('Exports rose 3 percent.');

  await page.getByRole('link', { name: /^Verdict and sources/ }).click();
  await page.getByLabel('Short verdict', { exact: true }).fill('Exports rose 3 percent, not 12.');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();
  await expect
    .poll(async () => (await getClaimDetail(room.editorApi, claimId)).shortVerdict, { timeout: 15_000 })
    .toBe('Exports rose 3 percent, not 12.');
  await page.context().close();
});

test('a refused submit moves focus to the first field it names', async ({ browser }) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'Officials said wages doubled last year.',
    `Refused submit ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, id, 'wages doubled');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}?claim=${claimId}`);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.locator('#claim-rating-error')).toHaveText('Choose a rating.');
  await expect(page.getByLabel('Rating', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Rating', { exact: true })).toBeInViewport();
  await page.context().close();
});

test('"Submit for review" is not offered for a claim already in review', async ({ browser }) => {
  const { articleId, claimId } = await readyClaim(room, 'rents fell by a third');
  await submitClaim(room.editorApi, claimId);
  const page = await newPage(browser);
  await editorPage(page, `/articles/${articleId}?claim=${claimId}`);
  await expect(page.getByTestId('claim-review-state')).toHaveText(/In review: waiting for a reviewer/);
  await expect(page.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
  await page.context().close();
});

test("opening a notification marks it read and opens its claim; the panel links the reviewer's comments", async ({
  browser,
}) => {
  const { articleId, claimId } = await readyClaim(room, 'bus fares tripled');
  await submitClaim(room.editorApi, claimId);
  expect(
    (
      await reviewNow(room.reviewerApi, claimId, { decision: 'request_changes', comment: 'Which year is this?' })
    ).status(),
  ).toBe(201);
  type Listed = { items: { id: string; claimId: string | null; kind: string; read: boolean }[] };
  const before = (await (await room.editorApi.get('/api/v1/notifications')).json()) as Listed;
  const notification = before.items.find((n) => n.claimId === claimId && n.kind === 'changes_requested');
  expect(notification?.read).toBe(false);

  const page = await newPage(browser);
  await editorPage(page, '/inbox');
  await page.getByRole('button', { name: /asked for changes to your claim: “bus fares tripled”/ }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claimId}$`));
  await expect(page.locator('.claim-panel .claim-quote')).toHaveText('“bus fares tripled”');
  const after = (await (await room.editorApi.get('/api/v1/notifications')).json()) as Listed;
  expect(after.items.find((n) => n.id === notification?.id)?.read).toBe(true);

  await expect(
    page.locator('.claim-panel').getByRole('link', { name: 'Review comments and discussion' }),
  ).toHaveAttribute('href', `/review/${claimId}#comments-heading`);
  // The reviewer's words and the discussion are in the panel itself, and a comment posted there joins it.
  const discussion = page.locator('.claim-panel').getByRole('region', { name: 'Review and discussion' });
  await expect(discussion.locator('.review-comment')).toContainText('Which year is this?');
  await discussion.getByLabel('Add a comment').fill('It is 2025: fixed the claim date.');
  await discussion.getByRole('button', { name: 'Post comment' }).click();
  await expect(discussion.getByRole('list', { name: 'Comments, oldest first' })).toContainText('It is 2025');
  await expect
    .poll(async () => {
      const listed = (await (await room.editorApi.get(`/api/v1/claims/${claimId}/comments`)).json()) as {
        items: { body: string }[];
      };
      return listed.items.map((c) => c.body);
    })
    .toContain('It is 2025: fixed the claim date.');
  await page.context().close();
});

test('"Mark claim" is refused on words that already are a claim, and Ctrl+Shift+C with nothing selected says why', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The minister said inflation halved in a year.',
    `Duplicate ${uniqueSuffix()}`,
  );
  await markClaim(room.editorApi, id, 'inflation halved');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await page.locator('.editor-content p').first().click();
  await page.keyboard.press('Control+Shift+C');
  await expect(page.locator('#mark-claim-hint')).toContainText('Select the words of the claim first');

  await selectText(page, 'inflation halved');
  await expect(page.locator('.bubble-menu .mark-claim')).toBeHidden();
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Mark claim' }).click();
  await expect(page.locator('#mark-claim-hint')).toContainText('already marked as a claim');
  await expectSaved(page);
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();

  await selectText(page, 'The minister said');
  await expect(page.locator('.bubble-menu .mark-claim')).toBeVisible();
  await page.keyboard.press('Control+Shift+C');
  await expect(page.getByRole('heading', { name: 'Claims (2)' })).toBeVisible();
  await expect(page.locator('#mark-claim-hint')).toHaveCount(0);
  await page.context().close();
});

test('a source is edited in place, and kinds are shown in words', async ({ browser }) => {
  const { articleId, claimId } = await readyClaim(room, 'parking fines rose fivefold');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${articleId}?claim=${claimId}`);
  const sources = page.getByRole('list', { name: 'Sources of this claim' });
  await expect(sources).toContainText('(Official data, Stats office)');
  await page.getByRole('button', { name: 'Edit source: Table 1' }).click();
  const form = page.getByRole('group', { name: 'Edit source: Table 1' });
  await form.getByLabel('Title', { exact: true }).fill('Table 1, revised');
  await form.getByLabel('Kind').selectOption({ label: 'Expert' });
  await form.getByRole('button', { name: 'Save source' }).click();
  await expect(sources).toContainText('Table 1, revised');
  await expect(sources).toContainText('(Expert, Stats office)');
  const saved = await getClaimDetail(room.editorApi, claimId);
  expect(saved.sources.map((s) => [s.title, s.kind, s.url])).toEqual([
    ['Table 1, revised', 'expert', 'https://stats.example.org/t1'],
  ]);
  await page.context().close();
});

test('text typed in another tab of the same article appears in the first tab, which stays current instead of conflicting', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The council approved the budget on Monday.',
    `Two tabs ${uniqueSuffix()}`,
  );
  const first = await newPage(browser);
  await editorPage(first, `/articles/${id}`);
  await expect(first.locator('.editor-content')).toBeVisible();
  const second = await first.context().newPage();
  await second.goto(`/articles/${id}`);
  await expect(second.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await second.locator('.editor-content p').first().click();
  await second.keyboard.press('End');
  await second.keyboard.type(' It passed narrowly.');
  await expectSaved(second);
  await expect.poll(() => editorText(first)).toBe('The council approved the budget on Monday. It passed narrowly.');
  // The first tab still says "All changes saved", truthfully: the text it shows is the saved one.
  await expect(first.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  await expect(first.locator('.conflict')).toHaveCount(0);
  // A title typed in the first tab is saved on the version the other tab's text made, without a conflict.
  await first.getByRole('textbox', { name: 'Title' }).fill(`Budget passed ${uniqueSuffix()}`);
  await expectSaved(first);
  await expect(first.locator('.conflict')).toHaveCount(0);
  const saved = (await (await room.editorApi.get(`/api/v1/articles/${id}`)).json()) as {
    title: string;
    plainText: string;
  };
  expect(saved.title).toMatch(/^Budget passed /);
  expect(saved.plainText).toBe('The council approved the budget on Monday. It passed narrowly.');
  await first.context().close();
});
