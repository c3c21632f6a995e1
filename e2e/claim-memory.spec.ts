import { expect, test, type APIRequestContext } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { expectSaved, selectText } from './support/editor';
import {
  activeRatings,
  addSource,
  createTextArticle,
  markClaim,
  saveClaim,
  settlePublishingSettings,
  submitClaim,
} from './support/newsroom-api';
import { reviewNow } from './support/review';

let room: Newsroom;
// Letters only: a place name no other spec writes, which the matcher reads as one word.
const place = `Zed${uniqueSuffix()
  .replace(/[^a-f]/g, '')
  .padEnd(3, 'q')}port`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Four sign-ins with Argon2 hashes: slow on a loaded machine.
  test.setTimeout(180_000);
  room = await newsroom();
  await settlePublishingSettings(room.admin);
});

/** Rates, sources, submits, has the reviewer approve and publishes the claim's article; returns its slug. */
async function checkAndPublish(
  api: APIRequestContext,
  articleId: string,
  claimId: string,
  short: string,
): Promise<void> {
  const rating = (await activeRatings(api)).find((r) => r.label === 'False') ?? (await activeRatings(api))[0];
  await saveClaim(api, claimId, {
    rating: rating?.id,
    shortVerdict: 'The statistics office says otherwise.',
    claimReviewed: short,
  });
  await addSource(api, claimId, {
    url: `https://stats.example.org/${uniqueSuffix()}`,
    title: 'Labour survey',
    publisher: 'Statistics office',
    publishedAt: '2026-01-10',
    kind: 'official-data',
  });
  await submitClaim(api, claimId);
  const review = await reviewNow(room.reviewerApi, claimId, { decision: 'approve' });
  expect(review.status(), await review.text()).toBe(201);
  const published = await api.post(`/api/v1/articles/${articleId}/publications`, { data: {} });
  expect(published.status(), await published.text()).toBe(201);
}

test('a claim marked in a new article finds the published claim it repeats; "same claim" shows on the reader page and in search', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const first = await createTextArticle(
    room.editorApi,
    `The mayor said unemployment in ${place} rose to 28 percent last year. Nobody agreed.`,
    `Jobs in ${place}`,
  );
  const firstClaim = await markClaim(room.editorApi, first.id, `unemployment in ${place} rose to 28 percent last year`);
  await checkAndPublish(room.editorApi, first.id, firstClaim, `Unemployment in ${place} rose to 28%`);

  const second = await createTextArticle(
    room.editorApi,
    `Again she repeated that joblessness in ${place} went up to twenty-eight per cent in the past year.`,
    `Jobless in ${place}`,
  );
  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, '/dashboard');
  await page.goto(`/articles/${second.id}`);
  await selectText(page, `joblessness in ${place} went up to twenty-eight per cent in the past year`);
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Mark claim' }).click();
  await expectSaved(page);
  await page.getByRole('link', { name: /^Verdict and sources/ }).click();

  const similar = page.getByRole('list', { name: 'Similar claims' });
  const match = similar.getByRole('listitem').filter({ hasText: `Unemployment in ${place} rose to 28%` });
  await expect(match).toBeVisible({ timeout: 30_000 });
  await expect(similar.getByRole('listitem').first()).toContainText(`Unemployment in ${place} rose to 28%`);
  await expect(match).toContainText('False');
  await expect(match).toContainText('published');
  await expect(match).toContainText('Factmark E2E Newsroom');
  await expect(match.getByRole('link', { name: `“Unemployment in ${place} rose to 28%”` })).toHaveAttribute(
    'href',
    `/a/${first.slug}#claim-${firstClaim}`,
  );
  await match.getByRole('button', { name: 'Same claim as this' }).click();
  await expect(match.getByText('Same claim', { exact: true })).toBeVisible();

  const claims = (await (await room.editorApi.get(`/api/v1/articles/${second.id}/claims`)).json()) as {
    items: { id: string }[];
  };
  const secondClaim = claims.items[0]?.id ?? '';
  const linked = (await (await room.reviewerApi.get(`/api/v1/claims/${secondClaim}/same-as`)).json()) as {
    items: { id: string; publicUrl: string | null }[];
  };
  expect(linked.items).toEqual([
    expect.objectContaining({ id: firstClaim, publicUrl: `/a/${first.slug}#claim-${firstClaim}` }),
  ]);

  const review = await newPage(browser);
  await signInByHttp(review, room.reviewer.email, room.reviewer.password, `/review/${secondClaim}`);
  await expect(review.getByRole('heading', { name: 'Same claim as' })).toBeVisible();
  await expect(review.getByRole('link', { name: 'published fact-check' })).toHaveAttribute(
    'href',
    `/a/${first.slug}#claim-${firstClaim}`,
  );

  await checkAndPublish(room.editorApi, second.id, secondClaim, `Joblessness in ${place} went up to 28%`);
  const reader = await newPage(browser, { javaScriptEnabled: false });
  await reader.goto(`/a/${second.slug}`);
  const also = reader.locator('.also-checked');
  await expect(also).toContainText('Also checked:');
  await expect(also.getByRole('link', { name: `“Unemployment in ${place} rose to 28%”` })).toHaveAttribute(
    'href',
    `/a/${first.slug}#claim-${firstClaim}`,
  );

  // Readers find both published fact-checks by the place; staff find the claims, the words marked.
  await reader.goto(`/a?q=${encodeURIComponent(place)}`);
  await expect(reader.getByRole('link', { name: `Jobs in ${place}` })).toBeVisible();
  await expect(reader.getByRole('link', { name: `Jobless in ${place}` })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search articles, claims and sources' }).fill(place);
  await page.getByRole('searchbox', { name: 'Search articles, claims and sources' }).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('link', { name: `Unemployment in ${place} rose to 28%` })).toBeVisible();
  await expect(page.locator('.search-results mark').first()).toHaveText(new RegExp(place, 'i'));
});

test('the search API refuses an empty or over-long q with problem+json naming q', async () => {
  for (const q of ['', 'x'.repeat(201)]) {
    const response = await room.editorApi.get(`/api/v1/search?q=${q}`);
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(await response.json())).toContain('query.q');
  }
});

test('readers’ search and listing answer hostile query strings with pages, never a server error', async ({
  request,
}) => {
  for (const path of [
    '/a?page=1.01',
    '/a?q=fares&page=2.5',
    '/a?q=%00fares',
    '/a?q=%ED%A0%80',
    `/a?q=${'%22'.repeat(150)}`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type']).toContain('text/html');
  }
  const staff = await room.editorApi.get('/search?q=%00fares');
  expect(staff.status()).toBeLessThan(500);
});
