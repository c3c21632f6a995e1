import { expect, test, type Page } from '@playwright/test';
import { createUser, newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { addSource, createTextArticle, getClaimDetail, markClaim, saveClaim } from './support/newsroom-api';

// The claim panel's fields are a draft saved as they are typed, like the article (issue #15, part 3): a moment after
// typing stops, with the save's state beside the panel's heading; refusals at their field; nothing typed is lost.

let room: Newsroom;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

async function claimToCheck(words: string): Promise<{ articleId: string; claimId: string }> {
  const { id: articleId } = await createTextArticle(
    room.editorApi,
    `The minister said ${words} last year.`,
    `Autosave ${uniqueSuffix()}`,
  );
  return { articleId, claimId: await markClaim(room.editorApi, articleId, words) };
}

async function openPanel(page: Page, email: string, password: string, articleId: string, claimId: string) {
  await signInByHttp(page, email, password, `/articles/${articleId}?claim=${claimId}`);
  const panel = page.getByRole('region', { name: 'Claim', exact: true });
  await expect(panel.getByRole('heading', { name: 'Claim', exact: true })).toBeFocused();
  return { panel, status: panel.locator('.panel-head').getByRole('status') };
}

test('a short verdict typed in the panel is saved a moment after typing stops, and is there after a reload', async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('exports rose 12 percent');
  const page = await newPage(browser);
  const { panel, status } = await openPanel(page, room.editor.email, room.editor.password, articleId, claimId);
  await expect(status).toHaveText('Saved');

  await panel.getByLabel('Short verdict', { exact: true }).fill('Exports rose 3 percent.');
  await expect(status).toHaveText('Unsaved changes…');
  // No Save button pressed, the field not left: the pause in typing saves it.
  await expect(status).toHaveText('Saved');
  await expect(panel.getByLabel('Short verdict', { exact: true })).toBeFocused();
  const saved = await getClaimDetail(room.editorApi, claimId);
  expect(saved).toMatchObject({ shortVerdict: 'Exports rose 3 percent.', version: 2 });
  await expect(panel.locator('.meta')).toContainText('version 2');

  await page.reload();
  await expect(page.getByLabel('Short verdict', { exact: true })).toHaveValue('Exports rose 3 percent.');
  await page.context().close();
});

test("another editor's save meanwhile is a conflict naming both versions; the typed text stays until overwritten", async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('wages doubled');
  const bob = await createUser(room.admin, ['EDITOR']);
  const annPage = await newPage(browser);
  const bobPage = await newPage(browser);
  const ann = await openPanel(annPage, room.editor.email, room.editor.password, articleId, claimId);
  const other = await openPanel(bobPage, bob.email, bob.password, articleId, claimId);

  await other.panel.getByLabel('Short verdict', { exact: true }).fill('Wages rose by a tenth.');
  await expect(other.status).toHaveText('Saved');
  expect((await getClaimDetail(room.editorApi, claimId)).version).toBe(2);

  // Ann's panel still shows version 1: her save is refused, and says so with both versions.
  await ann.panel.getByLabel('Claimant', { exact: true }).fill('The labour minister');
  const conflict = ann.panel.getByRole('alert').filter({ hasText: 'changed by someone else' });
  await expect(conflict).toContainText('now version 2');
  await expect(conflict).toContainText('Your changes are based on version 1');
  await expect(ann.status).toHaveText('Not saved');
  await expect(ann.panel.getByLabel('Claimant', { exact: true })).toHaveValue('The labour minister');
  // Typing on does not save over Bob's version behind Ann's back.
  await ann.panel.getByLabel('Claimant’s role or organisation').fill('Minister of Labour');
  await expect(ann.status).toHaveText('Not saved');
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    version: 2,
    claimant: null,
    shortVerdict: 'Wages rose by a tenth.',
  });

  await conflict.getByRole('button', { name: 'Overwrite with my version' }).click();
  await expect(ann.status).toHaveText('Saved');
  await expect(conflict).toHaveCount(0);
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    version: 3,
    claimant: 'The labour minister',
    claimantRole: 'Minister of Labour',
  });
  await annPage.context().close();
  await bobPage.context().close();
});

test('after a conflict, "Use their version" shows the saved version and what is typed next is saved on it', async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('ferry tickets cost more');
  const page = await newPage(browser);
  const { panel, status } = await openPanel(page, room.editor.email, room.editor.password, articleId, claimId);
  await saveClaim(room.editorApi, claimId, { shortVerdict: 'Tickets cost the same.' });

  const shortVerdict = panel.getByLabel('Short verdict', { exact: true });
  await shortVerdict.fill('Tickets cost more.');
  const conflict = panel.getByRole('alert').filter({ hasText: 'changed by someone else' });
  await expect(conflict).toContainText('now version 2');
  await conflict.getByRole('button', { name: 'Use their version (discard mine)' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(status).toHaveText('Saved');
  await expect(shortVerdict).toHaveValue('Tickets cost the same.');
  await expect(panel.locator('.meta')).toContainText('version 2');

  await panel.getByLabel('Claimant', { exact: true }).fill('The ferry company');
  await expect(status).toHaveText('Unsaved changes…');
  await expect(status).toHaveText('Saved');
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    version: 3,
    claimant: 'The ferry company',
    shortVerdict: 'Tickets cost the same.',
  });
  await page.context().close();
});

test('an over-long short verdict is refused at its field, keeps its text, and Submit for review leads back to it', async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('rents fell by a third');
  const page = await newPage(browser);
  const { panel, status } = await openPanel(page, room.editor.email, room.editor.password, articleId, claimId);
  const shortVerdict = panel.getByLabel('Short verdict', { exact: true });
  const tooLong = `No. ${'Rents rose in every district the office measures. '.repeat(6)}`;
  expect(tooLong.trim().length).toBeGreaterThan(280);

  await shortVerdict.fill(tooLong);
  await expect(status).toHaveText('Not saved — Short verdict: Use at most 280 characters.');
  await expect(panel.locator('#claim-shortVerdict-error')).toHaveText('Use at most 280 characters.');
  await expect(shortVerdict).toHaveAttribute('aria-invalid', 'true');
  await expect(shortVerdict).toHaveValue(tooLong);
  expect((await getClaimDetail(room.editorApi, claimId)).shortVerdict).toBeNull();

  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(shortVerdict).toBeFocused();
  await expect(shortVerdict).toHaveValue(tooLong);
  await expect(panel.getByTestId('claim-status')).toHaveText('draft');

  await shortVerdict.fill('No: rents rose in every district.');
  await expect(status).toHaveText('Saved');
  await expect(panel.locator('#claim-shortVerdict-error')).toHaveCount(0);
  expect((await getClaimDetail(room.editorApi, claimId)).shortVerdict).toBe('No: rents rose in every district.');
  await page.context().close();
});

test('Submit for review right after typing saves the typing first and submits it', async ({ browser }) => {
  const { articleId, claimId } = await claimToCheck('bus fares tripled');
  await addSource(room.editorApi, claimId, { url: 'https://transit.example.org/fares', kind: 'official-data' });
  const page = await newPage(browser);
  const { panel } = await openPanel(page, room.editor.email, room.editor.password, articleId, claimId);

  await panel.getByLabel('Rating', { exact: true }).selectOption({ label: 'False' });
  await panel.getByLabel('Short verdict', { exact: true }).fill('Fares rose by a tenth.');
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel.getByTestId('claim-review-state')).toHaveText(/In review: waiting for a reviewer/);
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    status: 'IN_REVIEW',
    shortVerdict: 'Fares rose by a tenth.',
    rating: { label: 'False' },
  });
  await page.context().close();
});
