import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { demoAdmin, newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { createTextArticle, markClaim } from './support/newsroom-api';
import { confirmDialog, expectToast, toast } from './support/toasts';

let room: Newsroom;
let server: Server;
let pageUrl: string;
// Letters only: a place name no other spec writes, which the matcher reads as one word.
const place = `Vel${uniqueSuffix()
  .replace(/[^a-f]/g, '')
  .padEnd(3, 'q')}haven`;
const fromFeed = `Vel${uniqueSuffix()
  .replace(/[^a-f]/g, '')
  .padEnd(3, 'w')}mouth`;
const feedReviewUrl = `https://coastal-checks.example/${fromFeed}/ferries`;

const claimReview = (url: string, claim: string, label: string, publisher: string) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url,
  claimReviewed: claim,
  author: { '@type': 'Organization', name: publisher },
  datePublished: '2026-02-14',
  reviewRating: { '@type': 'Rating', alternateName: label },
});

test.describe.configure({ mode: 'serial' });

let slowRequested: () => void = () => undefined;
const slowArrived = new Promise<void>((resolve) => (slowRequested = resolve));
let releaseSlow: () => void = () => undefined;
const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
  // Another fact-checker's page embedding ClaimReview JSON-LD, served on this machine (the e2e server allows loopback imports).
  server = createServer((req, res) => {
    if (req.url === '/slow-feed') {
      // Held until the test lets it go: a refresh that is still running.
      slowRequested();
      const review = claimReview(
        `${feedReviewUrl}/slow`,
        `Harbour fees in ${fromFeed} doubled`,
        'False',
        'Coastal Checks',
      );
      void slowReleased.then(() =>
        res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(review)),
      );
      return;
    }
    if (req.url !== '/fact-check') return res.writeHead(404).end();
    const jsonLd = JSON.stringify(
      claimReview(
        feedReviewUrl,
        `Ferry tickets in ${fromFeed} cost three times more than in 2020`,
        'Mostly false',
        'Coastal Checks',
      ),
    );
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html><head><title>Ferries</title><script type="application/ld+json">${jsonLd}</script></head><body>Check</body></html>`,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fact-check`;
});

test.afterAll(() => {
  releaseSlow();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

test('an imported ClaimReview appears as a match in the "already checked?" panel, with its publisher, rating and link', async ({
  browser,
}) => {
  const reviewUrl = `https://harbour-checks.example/${place}/unemployment`;
  const feed = {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dataFeedElement: [
      claimReview(reviewUrl, `Unemployment in ${place} rose to 28 percent last year`, 'Mostly true', 'Harbour Checks'),
      { '@type': 'ClaimReview', claimReviewed: 'A review without a rating', url: `${reviewUrl}/2` },
    ],
  };
  const imported = await room.editorApi.post('/api/v1/imports/claimreview', { data: { document: feed } });
  expect(imported.status(), await imported.text()).toBe(201);
  expect(await imported.json()).toEqual({
    imported: 1,
    updated: 0,
    skipped: 0,
    errors: [{ index: 1, reason: expect.stringContaining('reviewRating') as unknown }],
    pages: 1,
    nextPage: null,
  });
  const again = await room.editorApi.post('/api/v1/imports/claimreview', { data: { document: feed } });
  expect(await again.json()).toMatchObject({ imported: 0, skipped: 1 });

  const refused = await room.reviewerApi.post('/api/v1/imports/claimreview', { data: { document: feed } });
  expect(refused.status()).toBe(403);
  const bad = await room.editorApi.post('/api/v1/imports/claimreview', {
    data: { url: 'ftp://files.example/feed.json' },
  });
  expect(bad.status()).toBe(400);
  expect(bad.headers()['content-type']).toContain('application/problem+json');

  const article = await createTextArticle(
    room.editorApi,
    `The minister said joblessness in ${place} went up to twenty-eight per cent in the past year.`,
    `Jobs in ${place}`,
  );
  const claimId = await markClaim(
    room.editorApi,
    article.id,
    `joblessness in ${place} went up to twenty-eight per cent in the past year`,
  );
  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${article.id}?claim=${claimId}`);
  const similar = page.getByRole('list', { name: 'Similar claims' });
  const match = similar
    .getByRole('listitem')
    .filter({ hasText: `Unemployment in ${place} rose to 28 percent last year` });
  await expect(match).toBeVisible({ timeout: 30_000 });
  await expect(match).toContainText('Mostly true');
  await expect(match).toContainText('Harbour Checks');
  await expect(match).toContainText('another fact-checker (imported)');
  await expect(
    match.getByRole('link', { name: `“Unemployment in ${place} rose to 28 percent last year”` }),
  ).toHaveAttribute('href', reviewUrl);
  // Read-only: another fact-checker's review is not linked as one of the newsroom's claims.
  await expect(match.getByRole('button', { name: 'Same claim as this' })).toHaveCount(0);
});

test('an admin adds a ClaimReview feed, refreshes it now and sees the last run; its claims are matched', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInByHttp(page, demoAdmin.email, demoAdmin.password, '/dashboard');
  await page.getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('menuitem', { name: 'Feeds' }).click();
  await expect(page.getByRole('heading', { name: 'ClaimReview feeds' })).toBeVisible();
  await page.getByLabel('Feed or page address').fill(pageUrl);
  await page.getByRole('button', { name: 'Add feed' }).click();
  const row = page.getByRole('form', { name: `Feed ${pageUrl}` });
  await expect(row).toContainText('Not run yet');

  await row.getByRole('button', { name: 'Refresh now' }).click();
  await expect(toast(page, 'Refreshed: 1 imported, 0 updated, 0 unchanged, 0 errors.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(row).toContainText(/Last run: .+: 1 imported, 0 updated, 0 unchanged, 0 errors/);
  await expect(row).toContainText('1 claim imported from it');

  const similar = await room.editorApi.post('/api/v1/similar', {
    data: { text: `${fromFeed} ferry fares tripled since 2020` },
  });
  const { items } = (await similar.json()) as {
    items: { claim: { url: string; origin: string; publisher: string; rating: { label: string } } }[];
  };
  expect(items[0]?.claim).toMatchObject({
    url: feedReviewUrl,
    origin: 'imported',
    publisher: 'Coastal Checks',
    rating: { label: 'Mostly false' },
  });

  await row.getByRole('button', { name: 'Refresh now' }).click();
  await expect(toast(page, 'Refreshed: 0 imported, 0 updated, 1 unchanged, 0 errors.')).toBeVisible({
    timeout: 30_000,
  });

  await row.getByRole('button', { name: 'Remove' }).click();
  await confirmDialog(page, 'Remove this feed?').getByRole('button', { name: 'Remove feed' }).click();
  await expectToast(page, 'Feed removed. The claims it imported stay.');
  await expect(page.getByRole('form', { name: `Feed ${pageUrl}` })).toHaveCount(0);
});

test('"Refresh now" while the feed is already being refreshed says so as a note, not as a failure', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const slowUrl = pageUrl.replace('/fact-check', '/slow-feed');
  const first = await newPage(browser);
  await signInByHttp(first, demoAdmin.email, demoAdmin.password, '/admin/feeds');
  await first.getByLabel('Feed or page address').fill(slowUrl);
  await first.getByRole('button', { name: 'Add feed' }).click();
  const row = (page: typeof first) => page.getByRole('form', { name: `Feed ${slowUrl}` });
  await expect(row(first)).toContainText('Not run yet');
  // The second tab is ready first: the held fetch gives up after 10 s.
  const second = await newPage(browser);
  await signInByHttp(second, demoAdmin.email, demoAdmin.password, '/admin/feeds');
  await expect(row(second).getByRole('button', { name: 'Refresh now' })).toBeEnabled();
  await row(first).getByRole('button', { name: 'Refresh now' }).click();
  await slowArrived;
  await row(second).getByRole('button', { name: 'Refresh now' }).click();
  await expectToast(second, 'This feed is already being refreshed; try again in a minute.', 'Note');
  await expect(row(second).getByRole('alert')).toHaveCount(0);

  releaseSlow();
  await expect(toast(first, 'Refreshed: 1 imported, 0 updated, 0 unchanged, 0 errors.')).toBeVisible({
    timeout: 30_000,
  });
  await first.context().close();
  await second.context().close();
});
