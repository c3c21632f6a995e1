import { expect, test } from '@playwright/test';
import { newPage, newsroom, signInByHttp, type Newsroom } from './support/accounts';

// A staff page whose data is slow to come shows a skeleton at once (loading.tsx), named for screen readers, instead
// of leaving the previous page on screen with no sign that the link was followed.

let room: Newsroom;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

test('following Dashboard while its lists are slow shows a loading skeleton at once, then the dashboard', async ({
  browser,
}) => {
  const page = await newPage(browser);
  // The dashboard's page data is held back until released; the router's prefetch of its loading state is not.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/dashboard' && url.searchParams.has('_rsc'),
    async (route) => {
      if (!route.request().headers()['next-router-prefetch']) await held;
      await route.continue();
    },
  );
  const prefetched = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/dashboard' && r.request().headers()['next-router-prefetch'] !== undefined,
  );
  await signInByHttp(page, room.editor.email, room.editor.password, '/inbox');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await prefetched;

  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading the dashboard…' })).toBeAttached();
  await expect(page.locator('.skeleton-line').first()).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'My articles' })).toBeVisible();
  await expect(page.locator('.skeleton')).toHaveCount(0);
  await page.context().close();
});
