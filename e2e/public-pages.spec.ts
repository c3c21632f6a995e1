import { expect, test, type APIRequestContext } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { approvedClaim, settlePublishingSettings } from './support/newsroom-api';

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
  const claimId = await approvedClaim(room, id, 'unemployment fell to 3 percent', {
    shortVerdict: `It rose; see ${longUrl}`,
    source: {
      url: longUrl,
      title: `Labour survey ${longWord}`,
      publisher: 'Statistics office',
      publishedAt: '2025-04-01',
      kind: 'official-data',
    },
  });
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
  return { id, slug, claimId };
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

test('the tallest verdict card leaves the verdict it links to readable, on a phone and a desktop, wherever its claim is', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // Claims at the top of the text, in the middle, and in its last words just above the verdicts, in a long article
  // and in one short enough that the page cannot scroll a verdict to the top; each card as tall as a verdict can
  // make it: 280 characters ending in an address that cannot break early.
  const quotes = ['Exports doubled', 'wages rose by a third', 'prices fell in every region'];
  const filler = 'The committee heard evidence over three days from officials and experts. '.repeat(12);
  const bodies = [
    `<p>${quotes[0]} last year, the minister said. ${filler}</p><p>${filler} She added that ${quotes[1]}.</p><p>${filler} Finally, ${quotes[2]}.</p>`,
    `<p>${quotes[0]} last year; she added that ${quotes[1]}. Finally, ${quotes[2]}.</p>`,
  ];
  const tail = ` See ${longUrl}`;
  const shortVerdict =
    'No: the office’s own tables show otherwise, year after year. '.repeat(5).slice(0, 280 - tail.length) + tail;
  const articles: { slug: string; claimIds: string[] }[] = [];
  for (const body of bodies) {
    const created = await room.editorApi.post('/api/v1/articles', {
      data: { title: `Tall cards ${uniqueSuffix()}`, format: 'html', body },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id, slug } = (await created.json()) as { id: string; slug: string };
    const claimIds: string[] = [];
    for (const quote of quotes) {
      claimIds.push(
        await approvedClaim(room, id, quote, {
          shortVerdict,
          source: { url: longUrl, title: `Tables ${longWord}`, kind: 'official-data' },
        }),
      );
    }
    await settlePublishingSettings(room.admin);
    expect((await room.editorApi.post(`/api/v1/articles/${id}/publications`, { data: {} })).status()).toBe(201);
    articles.push({ slug, claimIds });
  }

  for (const phone of [true, false]) {
    const viewport = phone ? { width: 390, height: 844 } : { width: 1440, height: 900 };
    const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const { slug, claimIds } of articles) {
      for (const claimId of claimIds) {
        await page.goto(`/a/${slug}`);
        const label = page.locator(`button[popovertarget="pop-${claimId}"]`);
        await label.scrollIntoViewIfNeeded();
        await label.tap();
        const card = page.locator(`#pop-${claimId}`);
        await expect(card).toBeVisible();
        await card.getByRole('link', { name: 'Full explanation and sources' }).tap();
        await expect(page).toHaveURL(new RegExp(`#claim-${claimId}$`));
        // The verdict's heading and rating line are on screen, and the open card lies over neither.
        for (const part of [page.locator(`#claim-${claimId}-title`), page.locator(`#claim-${claimId} .rating`)]) {
          await expect(part).toBeInViewport();
        }
        const covered = await page.evaluate((cid) => {
          const parts = [
            document.querySelector(`#claim-${cid}-title`),
            document.querySelector(`#claim-${cid} .rating`),
          ].map((el) => el?.getBoundingClientRect());
          const pop = document.getElementById(`pop-${cid}`);
          const p = pop?.getBoundingClientRect();
          if (!pop?.matches(':popover-open') || !p || getComputedStyle(pop).visibility === 'hidden') return false;
          return parts.some((t) => !!t && p.left < t.right && p.right > t.left && p.top < t.bottom && p.bottom > t.top);
        }, claimId);
        expect(covered, `${phone ? 'phone' : 'desktop'}, /a/${slug}#claim-${claimId}`).toBe(false);
        // The card is still open and whole on screen, so the reader can go on reading it: beside the verdicts on a
        // desktop, a strip at the foot of a phone's screen that the page can scroll anything out from under.
        const box = await card.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= viewport.height, JSON.stringify(box)).toBe(true);
        const column = await page.locator(`#claim-${claimId}`).boundingBox();
        if (phone) {
          expect(box?.height ?? Infinity).toBeLessThanOrEqual(viewport.height / 6);
          // The link just followed (where a keyboard's focus still is) stays in sight in the strip.
          await expect(card.getByRole('link', { name: 'Full explanation and sources' })).toBeInViewport({ ratio: 1 });
        } else
          expect(
            (box?.x ?? 0) >= (column?.x ?? Infinity) + (column?.width ?? Infinity),
            JSON.stringify({ box, column }),
          ).toBe(true);
      }
    }
    await context.close();
  }
});
