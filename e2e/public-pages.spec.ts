import { expect, test, type APIRequestContext } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { settlePublishingSettings } from './support/newsroom-api';
import { reviewNow } from './support/review';

// Issue #15: the public pages look public (the reader's header), and work at a phone's width.

let room: Newsroom;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

const longWord = `Donaudampfschifffahrtsgesellschaftskapitän${'s'.repeat(60)}`;
const longUrl = `https://statistics.example.org/${'very-long-path-segment-'.repeat(8)}table.csv`;
const wideTable =
  '<table><tr><th>Department</th>' +
  ['FY2020', 'FY2021', 'FY2022', 'FY2023', 'FY2024', 'FY2025', 'FY2026', 'FY2027', 'FY2028']
    .map((y) => `<th>${y} outturn in billions</th>`)
    .join('') +
  '</tr><tr><td>Health</td>' +
  Array.from({ length: 9 }, (_, i) => `<td>${(1.1 + i / 10).toFixed(1)} bn</td>`).join('') +
  '</tr></table>';

/** A published fact-check with a long word, a long address and a wide table, in two versions (for its diff). */
async function publishHardToFit(api: APIRequestContext): Promise<{ id: string; slug: string; claimId: string }> {
  const body = `<p>The ${longWord} said unemployment fell to 3 percent, citing ${longUrl}.</p>${wideTable}`;
  const created = await api.post('/api/v1/articles', {
    data: { title: `Narrow ${uniqueSuffix()} ${longWord}`, format: 'html', body },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id, slug } = (await created.json()) as { id: string; slug: string };
  const claim = (await (
    await api.post(`/api/v1/articles/${id}/claims`, { data: { quote: { exact: 'unemployment fell to 3 percent' } } })
  ).json()) as { id: string };
  const ratings = (await (await api.get('/api/v1/ratings')).json()) as { items: { id: string; label: string }[] };
  await api.patch(`/api/v1/claims/${claim.id}`, {
    data: {
      baseVersion: 1,
      rating: ratings.items.find((r) => r.label === 'False')?.id,
      shortVerdict: `It rose; see ${longUrl}`,
    },
  });
  await api.post(`/api/v1/claims/${claim.id}/sources`, {
    data: {
      url: longUrl,
      title: `Labour survey ${longWord}`,
      publisher: 'Statistics office',
      publishedAt: '2025-04-01',
      kind: 'official-data',
    },
  });
  await api.post(`/api/v1/claims/${claim.id}/submit`);
  expect((await reviewNow(room.reviewerApi, claim.id, { decision: 'approve' })).status()).toBe(201);
  await settlePublishingSettings(room.admin);
  expect((await api.post(`/api/v1/articles/${id}/publications`, { data: {} })).status()).toBe(201);
  const article = (await (await api.get(`/api/v1/articles/${id}`)).json()) as { version: number; content: object };
  const content = JSON.parse(JSON.stringify(article.content).replace('citing', 'quoting')) as object;
  expect(
    (await api.patch(`/api/v1/articles/${id}`, { data: { baseVersion: article.version, content } })).status(),
  ).toBe(200);
  expect(
    (
      await api.post(`/api/v1/articles/${id}/publications`, { data: { correctionNote: `Reworded: ${longWord}` } })
    ).status(),
  ).toBe(201);
  return { id, slug, claimId: claim.id };
}

test('the front page and the rating scale carry the reader’s header, as /a does', async ({ browser }) => {
  const reader = await newPage(browser);
  // The same header on each: the organisation's name leading home, and the way in. (The name itself is not
  // compared: tests running alongside this one rename the organisation.)
  for (const path of ['/a', '/', '/ratings']) {
    await reader.goto(path);
    const header = reader.locator('header.site');
    await expect(header.locator(':scope > a').first()).toHaveAttribute('href', '/');
    await expect(header.locator(':scope > a').first()).not.toBeEmpty();
    await expect(reader.locator('.site-header')).toHaveCount(0);
    // The app's public pages add the way into the newsroom; the published pages are the published record alone.
    if (path !== '/a') await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
  }
  await reader.context().close();

  const staff = await newPage(browser);
  await signInByHttp(staff, room.editor.email, room.editor.password, '/');
  await expect(staff.locator('.site-header')).toHaveCount(0);
  await staff.getByRole('link', { name: 'Newsroom', exact: true }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(staff.locator('.site-header')).toBeVisible();
  await staff.locator('.site-header a.brand').click();
  await expect(staff.locator('header.site')).toBeVisible();
  await expect(staff.locator('.site-header')).toHaveCount(0);
  await staff.context().close();
});

test('no public page scrolls sideways on a 390 px phone', async ({ browser }) => {
  test.setTimeout(240_000);
  const { slug, claimId } = await publishHardToFit(room.editorApi);
  // A retracted fact-check shows its notice, with a reason that is one long word, in place of the verdicts.
  const retracted = await publishHardToFit(room.editorApi);
  const retraction = await room.editorApi.post(`/api/v1/articles/${retracted.id}/retraction`, {
    data: { reason: `Withdrawn: ${longWord} ${longUrl}` },
  });
  expect(retraction.status(), await retraction.text()).toBe(201);
  // The invitation page a new colleague opens on their phone, with its link working and once used up.
  const invited = await room.admin.post('/api/v1/users', {
    data: { email: `phone-${uniqueSuffix()}@e2e.example.org`, name: `Phone ${longWord}`, roles: ['REVIEWER'] },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const { invitationUrl } = (await invited.json()) as { invitationUrl: string };
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const paths = [
    '/',
    '/a',
    `/a?q=${encodeURIComponent('unemployment')}`,
    `/a/${slug}`,
    `/a/${slug}/versions`,
    `/a/${slug}/v/1`,
    `/a/${slug}/diff?from=1&to=2`,
    `/a/${slug}/claims/${claimId}`,
    `/a/${slug}/embed`,
    '/ratings',
    '/docs/api',
    '/sign-in',
    `/a/${retracted.slug}`,
    invitationUrl,
    `/set-password?token=${'x'.repeat(200)}`,
    `/a/no-such-${uniqueSuffix()}`,
    `/no-such-page-${uniqueSuffix()}`,
  ];
  const overflowing: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState('load');
    const wide = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= limit) return [];
      // The widest elements that stick out, to say what to fix.
      return [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.table-scroll'))
        .slice(-5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`);
    });
    if (wide.length) overflowing[path] = wide;
  }
  expect(overflowing).toEqual({});

  // The wide table scrolls inside its own region, which the keyboard can reach.
  await page.goto(`/a/${slug}`);
  const region = page.getByRole('region', { name: 'Table' });
  await expect(region).toHaveAttribute('tabindex', '0');
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  // A verdict is one tap away, its card fits the phone's width, and its link leads to the full explanation.
  const verdict = page.locator('main').getByRole('button', { name: 'False', exact: true }).first();
  await verdict.tap();
  const card = page.locator('.verdict-popover:popover-open');
  await expect(card).toBeVisible();
  await expect(card).toContainText('It rose; see');
  const box = await card.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box)).toBe(true);
  await card.getByRole('link', { name: 'Full explanation and sources' }).tap();
  await expect(page.locator(`#claim-${claimId}-title`)).toBeInViewport();
  await context.close();
});
