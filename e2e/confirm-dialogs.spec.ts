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

/** An article whose claims (one per phrase) are approved: ready to publish. */
async function approvedArticle(phrases: string[]): Promise<{ id: string; claimIds: string[] }> {
  const { id } = await createTextArticle(
    room.editorApi,
    `The mayor said ${phrases.join(' and ')} this year.`,
    `Fares ${uniqueSuffix()}`,
  );
  const { items } = await bodyOf<{ items: { id: string; label: string }[] }>(
    await room.editorApi.get('/api/v1/ratings'),
  );
  const claimIds: string[] = [];
  for (const words of phrases) {
    const claimId = await markClaim(room.editorApi, id, words);
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
    claimIds.push(claimId);
  }
  return { id, claimIds };
}

test('the Publish screen asks again only when publishing withdraws a verdict readers see, also when that changed after it was drawn', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  await settlePublishingSettings(room.admin);
  const busFares = `bus fares fell by ${uniqueSuffix()}`;
  const tramFares = `tram fares rose by ${uniqueSuffix()}`;
  const { id: articleId, claimIds } = await approvedArticle([busFares, tramFares]);
  const latestNumber = async () =>
    (
      await bodyOf<{ items: { number: number }[] }>(
        await room.editorApi.get(`/api/v1/articles/${articleId}/publications`),
      )
    ).items.reduce((n, p) => Math.max(n, p.number), 0);
  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${articleId}/publish`);

  // Nothing readers see goes away: the screen, which lists what goes out, is the confirmation; its button names
  // the version and publishes at once. A colleague marking another claim meanwhile changes nothing that goes out.
  await markClaim(room.editorApi, articleId, 'The mayor said');
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expectToast(page, 'Published version 1.');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect.poll(latestNumber, { timeout: 30_000 }).toBe(1);

  // Drawn while both verdicts stay; then the tram claim changes (back to draft) before the button is pressed:
  // publishing refuses rather than withdraw a verdict the screen did not show.
  await page.goto(`/articles/${articleId}/publish`);
  const correct = page.getByRole('button', { name: 'Publish correction (version 2)' });
  await page.getByLabel('Correction note for version 2 (readers see it)').fill('We corrected the fares.');
  await saveClaim(room.editorApi, claimIds[1] ?? '', { shortVerdict: 'Fares rose by 5%.' });
  await correct.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Since this page was opened' })).toContainText(
    `publishing would also withdraw the verdict on “${tramFares}”`,
  );
  await expect(page.getByLabel('Correction note for version 2 (readers see it)')).toHaveValue(
    'We corrected the fares.',
  );
  expect(await latestNumber()).toBe(1);

  // Drawn again, the screen warns; the button asks first, by keyboard: Escape publishes nothing.
  await page.reload();
  await page.getByLabel('Correction note for version 2 (readers see it)').fill('We corrected the fares.');
  await correct.focus();
  await page.keyboard.press('Enter');
  const dialog = confirmDialog(page, 'Publish version 2?');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('It withdraws a verdict readers can see now');
  // Focus is in the dialog, on Cancel: a second Enter would not publish.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(correct).toBeFocused();
  expect(await latestNumber()).toBe(1);

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Publish version 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectToast(page, 'Published version 2.');
  await expect.poll(latestNumber, { timeout: 30_000 }).toBe(2);

  // The toast is reached with F8 and dismissed from the keyboard.
  await page.keyboard.press('F8');
  await page.keyboard.press('Tab');
  const shown = toast(page, 'Published version 2.');
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
