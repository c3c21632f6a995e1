import { expect, test, type Page } from '@playwright/test';
import { createUser, newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { editorRunning } from './support/editor';
import {
  activeRatings,
  addSource,
  createTextArticle,
  explanationText,
  getClaimDetail,
  markClaim,
  saveClaim,
  submitClaim,
} from './support/newsroom-api';

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
  return { panel, status: panel.locator('.claim-save-status') };
}

/** The same, opened from the article's claim card as a person does (so the browser's Back is within the page). */
async function openFromCard(page: Page, email: string, password: string, articleId: string) {
  await signInByHttp(page, email, password, `/articles/${articleId}`);
  await editorRunning(page);
  await page.getByRole('link', { name: /^Verdict and sources/ }).click();
  const panel = page.getByRole('region', { name: 'Claim', exact: true });
  await expect(panel.getByRole('heading', { name: 'Claim', exact: true })).toBeFocused();
  return { panel, status: panel.locator('.claim-save-status') };
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
  // Visible, but a screen reader is not told of every save made while typing.
  await expect(status).not.toHaveAttribute('aria-live');
  await expect(panel.locator('.panel-head').getByRole('status')).toHaveText('');
  // No Save button pressed, the field not left: the pause in typing saves it.
  await expect(status).toHaveText('Saved');
  await expect(panel.locator('.panel-head').getByRole('status')).toHaveText('');
  await expect(panel.getByLabel('Short verdict', { exact: true })).toBeFocused();
  const saved = await getClaimDetail(room.editorApi, claimId);
  expect(saved).toMatchObject({ shortVerdict: 'Exports rose 3 percent.', version: 2 });
  await expect(panel.locator('p.meta').filter({ hasText: 'History of this claim' })).toContainText('version 2');

  await page.reload();
  await expect(page.getByLabel('Short verdict', { exact: true })).toHaveValue('Exports rose 3 percent.');
  await page.context().close();
});

test("another editor's save meanwhile is a conflict naming both versions and their value; overwriting keeps their other fields", async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('wages doubled');
  const bob = await createUser(room.admin, ['EDITOR']);
  const annPage = await newPage(browser);
  const bobPage = await newPage(browser);
  const ann = await openPanel(annPage, room.editor.email, room.editor.password, articleId, claimId);
  const other = await openPanel(bobPage, bob.email, bob.password, articleId, claimId);

  await other.panel.getByLabel('Short verdict', { exact: true }).fill('Wages rose by a tenth.');
  await other.panel.getByLabel('Claimant', { exact: true }).fill('A spokesperson');
  await expect(other.status).toHaveText('Saved');
  await expect.poll(async () => (await getClaimDetail(room.editorApi, claimId)).claimant).toBe('A spokesperson');
  const bobsVersion = (await getClaimDetail(room.editorApi, claimId)).version;

  // Ann's panel still shows version 1: her save is refused, and says so with both versions.
  await ann.panel.getByLabel('Claimant', { exact: true }).fill('The labour minister');
  const conflict = ann.panel.getByRole('alert').filter({ hasText: 'changed by someone else' });
  await expect(conflict).toContainText(`now version ${bobsVersion}`);
  await expect(conflict).toContainText('Your changes are based on version 1');
  // Bob's value is shown beside the field both changed.
  await expect(conflict.locator('[data-field="claimant"]')).toHaveText(
    'ClaimantTheirs: “A spokesperson” · Yours: “The labour minister”',
  );
  await expect(ann.status).toHaveText('Not saved');
  await expect(ann.panel.getByLabel('Claimant', { exact: true })).toHaveValue('The labour minister');
  // Typing on does not save over Bob's version behind Ann's back.
  await ann.panel.getByLabel('Claimant’s role or organisation').fill('Minister of Labour');
  await expect(ann.status).toHaveText('Not saved');
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    version: bobsVersion,
    claimant: 'A spokesperson',
    shortVerdict: 'Wages rose by a tenth.',
  });

  await conflict.getByRole('button', { name: 'Overwrite with my version' }).click();
  await expect(ann.status).toHaveText('Saved');
  await expect(conflict).toHaveCount(0);
  await expect(ann.status).toBeFocused();
  // Only the fields Ann changed go over Bob's version: his short verdict stays, on the server and on her screen.
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    version: bobsVersion + 1,
    claimant: 'The labour minister',
    claimantRole: 'Minister of Labour',
    shortVerdict: 'Wages rose by a tenth.',
  });
  await expect(ann.panel.getByLabel('Short verdict', { exact: true })).toHaveValue('Wages rose by a tenth.');
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
  await expect(status).toBeFocused();
  await expect(shortVerdict).toHaveValue('Tickets cost the same.');
  await expect(panel.locator('p.meta').filter({ hasText: 'History of this claim' })).toContainText('version 2');

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
  await expect(panel.getByTestId('claim-status')).toHaveText('No verdict');

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

test("during a conflict the browser's Back keeps the panel open with the typed text, and closing the tab asks first", async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('train fares fell');
  const page = await newPage(browser);
  const { panel, status } = await openFromCard(page, room.editor.email, room.editor.password, articleId);
  await saveClaim(room.editorApi, claimId, { shortVerdict: 'Fares rose.' });

  const claimant = panel.getByLabel('Claimant', { exact: true });
  await claimant.fill('The rail operator');
  const conflict = panel.getByRole('alert').filter({ hasText: 'changed by someone else' });
  await expect(conflict).toContainText('now version 2');

  // Back within the app: the panel stays, with the text and where it stands.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]claim=${claimId}`));
  await expect(status).toBeFocused();
  await expect(status).toHaveText('Not saved');
  await expect(claimant).toHaveValue('The rail operator');
  await expect(conflict).toBeVisible();
  // So does "Back to all claims".
  await panel.getByRole('button', { name: 'Back to all claims' }).click();
  await expect(status).toBeFocused();
  await expect(claimant).toHaveValue('The rail operator');

  // Leaving the page would lose the text: the browser asks first.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(claimant).toHaveValue('The rail operator');
  await page.context().close();
});

test('editing a claim in review asks first: nothing is saved, nor the claim sent back to draft, until Keep editing', async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('the harbour doubled its trade');
  const [rating] = await activeRatings(room.editorApi);
  await saveClaim(room.editorApi, claimId, { rating: rating?.id ?? null, shortVerdict: 'Trade rose a little.' });
  await addSource(room.editorApi, claimId, { url: 'https://harbour.example.org/trade', kind: 'official-data' });
  await submitClaim(room.editorApi, claimId);
  const page = await newPage(browser);
  const saves: string[] = [];
  page.on('request', (r) => r.method() === 'PATCH' && r.url().includes(`/claims/${claimId}`) && saves.push(r.url()));
  const { panel, status } = await openPanel(page, room.editor.email, room.editor.password, articleId, claimId);
  await expect(panel.getByTestId('claim-status')).toHaveText('In review');

  const claimant = panel.getByLabel('Claimant', { exact: true });
  await claimant.fill('The harbour master');
  const notice = panel.getByRole('alert').filter({ hasText: 'Editing sends this claim back to draft' });
  await expect(notice).toBeVisible();
  // Leaving the field, and Back to all claims, which would save it, wait for the choice.
  await claimant.press('Tab');
  await panel.getByRole('button', { name: 'Back to all claims' }).click();
  await expect(status).toBeFocused();
  await expect(status).toHaveText(
    'Unsaved changes… — Editing sends this claim back to draft: choose Keep editing or Cancel.',
  );
  expect(saves).toHaveLength(0);
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({ status: 'IN_REVIEW', claimant: null });

  await notice.getByRole('button', { name: 'Keep editing' }).click();
  await expect(status).toHaveText(/^Saved/);
  await expect(notice).toHaveCount(0);
  await expect(panel.getByTestId('claim-status')).toHaveText('Verdict drafted');
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    status: 'DRAFT',
    claimant: 'The harbour master',
  });
  await page.context().close();
});

test('Cancel on a claim in review puts its values back and leaves it in review', async ({ browser }) => {
  const { articleId, claimId } = await claimToCheck('the bridge cost twice as much');
  const [rating] = await activeRatings(room.editorApi);
  await saveClaim(room.editorApi, claimId, { rating: rating?.id ?? null, shortVerdict: 'It cost a fifth more.' });
  await addSource(room.editorApi, claimId, { url: 'https://bridge.example.org/cost', kind: 'official-data' });
  await submitClaim(room.editorApi, claimId);
  const page = await newPage(browser);
  const { panel, status } = await openPanel(page, room.editor.email, room.editor.password, articleId, claimId);

  const shortVerdict = panel.getByLabel('Short verdict', { exact: true });
  await shortVerdict.fill('It cost a third more.');
  const notice = panel.getByRole('alert').filter({ hasText: 'Editing sends this claim back to draft' });
  await notice.getByRole('button', { name: 'Cancel' }).click();
  await expect(notice).toHaveCount(0);
  await expect(shortVerdict).toHaveValue('It cost a fifth more.');
  await expect(status).toHaveText('Saved');
  await expect(status).toBeFocused();
  expect(await getClaimDetail(room.editorApi, claimId)).toMatchObject({
    status: 'IN_REVIEW',
    shortVerdict: 'It cost a fifth more.',
  });
  await page.context().close();
});

test('a long explanation in a non-Latin script is saved (its size for keepalive is counted in bytes)', async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('the museum had a million visitors');
  const page = await newPage(browser);
  const { panel, status } = await openPanel(page, room.editor.email, room.editor.password, articleId, claimId);
  // 24,000 characters, 72 KB in UTF-8: over what a keepalive request may carry.
  const words = '博物馆的访客人数'.repeat(3000);
  await panel.getByRole('textbox', { name: 'Explanation' }).click();
  await page.keyboard.insertText(words);
  await expect(status).toHaveText('Saved');
  expect(explanationText((await getClaimDetail(room.editorApi, claimId)).explanation)).toBe(words);
  await page.context().close();
});

test('leaving the page while a save is under way keeps what was typed after it (the two do not race to a 409)', async ({
  browser,
}) => {
  const { articleId, claimId } = await claimToCheck('the school roll grew');
  const page = await newPage(browser);
  const { panel } = await openPanel(page, room.editor.email, room.editor.password, articleId, claimId);
  // The first save reaches the server (version 2), but its answer is held until the page has been left: the page
  // still counts it in flight when it sends what was typed after it.
  let applied: () => void = () => {};
  const isApplied = new Promise<void>((resolve) => (applied = resolve));
  let leave: () => void = () => {};
  const isLeft = new Promise<void>((resolve) => (leave = resolve));
  let patches = 0;
  await page.route(`**/api/v1/claims/${claimId}`, async (route) => {
    if (route.request().method() !== 'PATCH' || patches++ > 0) return route.continue();
    const response = await route.fetch();
    applied();
    await isLeft;
    await route.fulfill({ response }).catch(() => undefined);
  });

  await panel.getByLabel('Short verdict', { exact: true }).fill('The roll fell.');
  await isApplied;
  expect((await getClaimDetail(room.editorApi, claimId)).version).toBe(2);
  await panel.getByLabel('Claimant', { exact: true }).fill('The head teacher');
  await page.goto('/dashboard');
  leave();
  await expect
    .poll(async () => await getClaimDetail(room.editorApi, claimId))
    .toMatchObject({ shortVerdict: 'The roll fell.', claimant: 'The head teacher' });
  await page.context().close();
});
