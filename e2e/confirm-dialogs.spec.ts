import { expect, test } from '@playwright/test';
import { demoAdmin, newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
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
import { confirmDialog, expectToast, toast } from './support/toasts';

// Issue #15: far-reaching actions ask first in an alert dialog; what an action did is said in a toast.

let room: Newsroom;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

/** An article whose one claim is approved: ready to publish. */
async function approvedArticle(): Promise<string> {
  const words = `bus fares fell by ${uniqueSuffix()}`;
  const { id } = await createTextArticle(
    room.editorApi,
    `The mayor said ${words} this year.`,
    `Fares ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, id, words);
  const { items } = await bodyOf<{ items: { id: string; label: string }[] }>(
    await room.editorApi.get('/api/v1/ratings'),
  );
  await saveClaim(room.editorApi, claimId, {
    rating: items.find((r) => r.label === 'False')?.id,
    shortVerdict: 'Fares fell by 10%.',
  });
  await addSource(room.editorApi, claimId, {
    url: 'https://transit.example.org/fares',
    title: 'Fare table',
    publisher: 'Transit office',
    publishedAt: '2025-05-01',
    kind: 'official-data',
  });
  await submitClaim(room.editorApi, claimId);
  expect((await reviewNow(room.reviewerApi, claimId, { decision: 'approve' })).status()).toBe(201);
  return id;
}

test('publishing asks first by keyboard: Escape publishes nothing, the confirm button publishes and a toast says so', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await settlePublishingSettings(room.admin);
  const articleId = await approvedArticle();
  const publications = async () => (await room.editorApi.get(`/api/v1/articles/${articleId}/publications`)).status();
  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${articleId}/publish`);

  const publish = page.getByRole('button', { name: 'Publish', exact: true });
  await publish.focus();
  await page.keyboard.press('Enter');
  const dialog = confirmDialog(page, 'Publish version 1?');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Readers see the article and its approved verdicts at once');
  // Focus is in the dialog, on Cancel: a second Enter would not publish.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(publish).toBeFocused();
  expect(await publications()).toBe(404);

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Publish version 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectToast(page, 'Published version 1.');
  await expect.poll(publications, { timeout: 30_000 }).toBe(200);

  // The toast is reached with F8 and dismissed from the keyboard.
  await page.keyboard.press('F8');
  await page.keyboard.press('Tab');
  const shown = toast(page, 'Published version 1.');
  await expect(shown).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(shown.getByRole('button', { name: 'Dismiss notification' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shown).toHaveCount(0);
  await page.context().close();
});

test('taking a rating out of use asks first, also from Enter in a field; cancelled, it stays in use', async ({
  browser,
}) => {
  const label = `Overstated ${uniqueSuffix()}`;
  const created = await bodyOf<{ id: string }>(
    await room.admin.post('/api/v1/ratings', { data: { label, colour: '#9a3412' } }),
  );
  const isActive = async () =>
    (await bodyOf<{ items: { id: string; active: boolean }[] }>(await room.admin.get('/api/v1/ratings'))).items.find(
      (r) => r.id === created.id,
    )?.active;
  const page = await newPage(browser);
  await signInByHttp(page, demoAdmin.email, demoAdmin.password, '/admin/ratings');
  const row = page.getByRole('form', { name: `Rating ${label}` });
  await row.getByLabel('In use').uncheck();
  await row.getByLabel('Description').fill('Bigger than the figures allow.');
  await page.keyboard.press('Enter');
  const dialog = confirmDialog(page, `Take “${label}” out of use?`);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row.getByLabel('Description')).toBeFocused();
  expect(await isActive()).toBe(true);

  await row.getByRole('button', { name: `Save ${label}` }).click();
  await dialog.getByRole('button', { name: `Take ${label} out of use` }).click();
  await expectToast(page, `“${label}” saved.`);
  await expect.poll(isActive).toBe(false);
  await page.context().close();
});
