import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { apiAs, demoAdminApi, newPage, signInByHttp, tokenFor, uniqueSuffix, type TestUser } from './support/accounts';
import {
  activeRatings,
  addSource,
  bodyOf,
  createTextArticle,
  markClaim,
  saveClaim,
  settlePublishingSettings,
  submitClaim,
} from './support/newsroom-api';
import { reviewNow } from './support/review';

/**
 * Key pages compared with their committed baselines (visual.spec.ts-snapshots/), light and dark, so an accidental
 * change of the design fails `npm test`. Fixtures have fixed words and names; what other specs running alongside
 * change (counts in the navigation, the organisation's name, the queue) and dates are masked.
 * After an intended change: `npx playwright test e2e/visual.spec.ts --update-snapshots`, look at the new PNGs, commit.
 */
test.describe.configure({ mode: 'serial' });

const schemes = ['light', 'dark'] as const;
const shot = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.01, timeout: 30_000 } as const;

let editor: TestUser;
let reviewer: TestUser;
let slug = '';
let inReviewId = '';

async function fixedUser(admin: APIRequestContext, name: string, roles: string[]): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const body = { email: `visual-${suffix}@e2e.example.org`, name, roles, password: `pw-${suffix}-long-enough` };
  const created = await bodyOf<{ id: string }>(await admin.post('/api/v1/users', { data: body }));
  return { id: created.id, email: body.email, name, password: body.password, roles: roles as TestUser['roles'] };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  await settlePublishingSettings(admin);
  editor = await fixedUser(admin, 'Vera Visual', ['EDITOR']);
  reviewer = await fixedUser(admin, 'Rex Review', ['REVIEWER']);
  const editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  const reviewerApi = await apiAs(baseURL, (await tokenFor(reviewer.email, reviewer.password)).token);
  const ratings = await activeRatings(editorApi);
  const rating = (label: string) => ratings.find((r) => r.label === label)?.id;

  const body =
    'The mayor said the new harbour created 5,000 jobs in its first year. Port records count 1,200 jobs.\nShe added that ferry fares fell by half since spring, which the operator disputes.';
  const article = await createTextArticle(editorApi, body, 'Visual check: the harbour and the ferries');
  slug = article.slug;
  const published = await markClaim(editorApi, article.id, 'the new harbour created 5,000 jobs in its first year');
  await saveClaim(editorApi, published, {
    claimant: 'The mayor',
    claimantRole: 'Mayor of Portville',
    claimDate: '2026-03-02',
    rating: rating('False'),
    shortVerdict: 'Port records show 1,200 jobs, not 5,000.',
  });
  await addSource(editorApi, published, {
    url: 'https://port.example.org/jobs-2026',
    title: 'Port employment records',
    publisher: 'Port authority',
    publishedAt: '2026-02-01',
    kind: 'official-data',
    excerpt: 'Direct jobs: 1,200.',
  });
  await addSource(editorApi, published, {
    url: 'https://news.example.org/harbour',
    title: 'Harbour opening report',
    publisher: 'Portville Post',
    publishedAt: '2026-01-15',
    kind: 'news',
  });
  await submitClaim(editorApi, published);
  expect((await reviewNow(reviewerApi, published, { decision: 'approve' })).status()).toBe(201);

  inReviewId = await markClaim(editorApi, article.id, 'ferry fares fell by half since spring');
  await saveClaim(editorApi, inReviewId, {
    claimant: 'The mayor',
    rating: rating('Mostly false'),
    shortVerdict: 'Fares fell by a tenth.',
  });
  await addSource(editorApi, inReviewId, {
    url: 'https://ferry.example.org/fares',
    title: 'Fare tables 2026',
    publisher: 'Ferry operator',
    publishedAt: '2026-04-01',
    kind: 'official-data',
  });
  await submitClaim(editorApi, inReviewId);
  expect(
    (
      await reviewNow(reviewerApi, inReviewId, {
        decision: 'request_changes',
        comment: 'Give the fares before and after.',
      })
    ).status(),
  ).toBe(201);
  await saveClaim(editorApi, inReviewId, { shortVerdict: 'Fares fell from 4.00 to 3.60, a tenth, not half.' });
  await submitClaim(editorApi, inReviewId);
  expect((await editorApi.post(`/api/v1/articles/${article.id}/publications`, { data: {} })).status()).toBe(201);
});

/** Masks what is not this page's design: dates, the organisation's name and the counts other specs change. */
const variable = (page: Page): Locator[] => [
  page.locator('time'),
  page.locator('header.site'),
  page.locator('nav a[href="/review"], nav a[href="/inbox"]'),
];

/** A source's access date is the day it was added: the same fixed day in every run. */
async function fixAccessDates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      if (text.data.includes('(accessed '))
        text.data = text.data.replace(/\(accessed [^)]*\)/g, '(accessed 1 January 2026)');
    }
  });
}

async function compare(page: Page, name: string, target: Page | Locator, extraMasks: Locator[] = []): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await fixAccessDates(page);
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(target).toHaveScreenshot(`${name}-${scheme}.png`, {
      ...shot,
      mask: [...variable(page), ...extraMasks],
    });
  }
}

test('reader article page', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/a/${slug}`);
  await compare(page, 'reader-article', page, [page.locator('h1 + .meta')]);
});

test('rating scale', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/ratings');
  // The viewport only: other specs add ratings at the end of the scale.
  await compare(page, 'rating-scale', page);
});

test('sign-in', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/sign-in');
  await compare(page, 'sign-in', page);
});

test('review screen', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInByHttp(page, reviewer.email, reviewer.password, `/review/${inReviewId}`);
  await expect(page.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
  // Whether there is a next claim depends on the queue other specs fill.
  await compare(page, 'review-screen', page.locator('main'), [page.locator('.review-shortcuts')]);
});

test('dashboard', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInByHttp(page, editor.email, editor.password, '/dashboard');
  // This editor's own articles: the lists of every article change with other specs.
  const mine = page.locator('section', { has: page.locator('#mine-heading') });
  await expect(mine).toContainText('Visual check: the harbour and the ferries');
  // Its height, not the neighbouring column's (the queue every spec fills).
  await page.addStyleTag({ content: 'section[aria-labelledby="mine-heading"] { align-self: start; }' });
  await compare(page, 'dashboard-mine', mine);
});
