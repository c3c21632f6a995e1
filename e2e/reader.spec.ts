import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, newPage, tokenFor, uniqueSuffix } from './support/accounts';
import { approveDeficitClaim } from './support/review';

const demoSlug = 'witkoff-putin-security-guarantees-ukraine';
let editorApi: APIRequestContext;
let reviewerApi: APIRequestContext;

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  const editor = await createUser(admin, ['EDITOR']);
  const reviewer = await createUser(admin, ['REVIEWER']);
  editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  reviewerApi = await apiAs(baseURL, (await tokenFor(reviewer.email, reviewer.password)).token);
});

test('an anonymous reader without JavaScript reads the demo: labels, verdicts by keyboard, sources', async ({
  browser,
}) => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const response = await page.goto(`/a/${demoSlug}`);
  expect(response?.status()).toBe(200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response?.headers()['cache-control']).toContain('public');
  // Structured data only: nothing executable.
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);

  await expect(
    page.getByRole('heading', { level: 2, name: /3 claims checked: 1 missing context, 1 true, 1 unverifiable/ }),
  ).toBeVisible();
  await expect(page.locator('mark.claim', { hasText: 'the 3.5-year war' })).toBeVisible();
  // Only approved claims go out: the claim in review and the drafts are not highlighted.
  await expect(page.locator('mark.claim', { hasText: 'Russia also committed' })).toHaveCount(0);
  await expect(page.locator('mark.claim', { hasText: 'We covered almost all issues' })).toHaveCount(0);

  const label = page.getByRole('button', { name: 'True', exact: true });
  await label.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('.verdict-popover:popover-open');
  await expect(popover).toContainText('Russia’s full-scale invasion began on 24 February 2022');
  await expect(popover).toContainText('Steve Witkoff');
  await popover.getByRole('link', { name: 'Full explanation and sources' }).click();
  await expect(page).toHaveURL(/#claim-/);
  const verdict = page.locator('.verdict:target');
  await expect(verdict.getByRole('link', { name: 'Situation in Ukraine' })).toHaveAttribute(
    'href',
    'https://www.un.org/en/situation-in-ukraine',
  );
  await expect(page.getByRole('link', { name: 'Our rating scale' })).toHaveAttribute('href', '/ratings');
});

interface ClaimReviewJson {
  '@type': string;
  url: string;
  claimReviewed: string;
  author: { '@type': string; name: string };
  datePublished: string;
  reviewRating: { alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: { '@type': string; author?: { name: string }; datePublished?: string; appearance?: { url: string } };
}

async function structuredData(page: Page): Promise<ClaimReviewJson[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((b) => JSON.parse(b) as ClaimReviewJson[]);
}

test('the latest version carries a ClaimReview for each verdict it shows', async ({ browser }) => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`/a/${demoSlug}`);
  const reviews = await structuredData(page);
  expect(reviews).toHaveLength(3);
  for (const r of reviews) {
    expect(r['@type']).toBe('ClaimReview');
    expect(r.url).toMatch(new RegExp(`/a/${demoSlug}#claim-[0-9a-f-]{36}$`));
    expect(r.claimReviewed.length).toBeGreaterThan(0);
    expect(r.claimReviewed.length).toBeLessThanOrEqual(75);
    expect(r.author).toMatchObject({ '@type': 'Organization', name: 'Demo Newsroom (sample data)' });
    expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.itemReviewed).toMatchObject({
      '@type': 'Claim',
      author: { name: 'Steve Witkoff' },
      datePublished: '2025-08-17',
      appearance: { url: 'https://transcripts.cnn.com/show/sotu' },
    });
    // The page shows every verdict it marks up.
    await expect(page.locator(`.verdict[id="${r.url.split('#')[1]}"]`)).toContainText(r.reviewRating.alternateName);
  }
  const byLabel = new Map(reviews.map((r) => [r.reviewRating.alternateName, r.reviewRating]));
  expect(byLabel.get('True')).toEqual({
    '@type': 'Rating',
    alternateName: 'True',
    ratingValue: 5,
    bestRating: 5,
    worstRating: 1,
  });
  expect(byLabel.get('Missing context')).toEqual({ '@type': 'Rating', alternateName: 'Missing context' });
});

test('a reader page is served with a validator: unchanged, it is a 304', async ({ request }) => {
  const first = await request.get(`/a/${demoSlug}`);
  const etag = first.headers().etag ?? '';
  expect(etag).toMatch(/^"pub-/);
  const again = await request.get(`/a/${demoSlug}`, { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
});

test('unpublished articles are 404 to readers; publishing needs an approved claim; corrections make version 2', async ({
  browser,
}) => {
  const created = (await (
    await editorApi.post('/api/v1/articles', {
      data: {
        title: `Budget ${uniqueSuffix()}`,
        format: 'text',
        body: 'The deficit halved in one year, the minister said.',
      },
    })
  ).json()) as { id: string; slug: string };
  const anonymous = await newPage(browser);
  expect((await anonymous.goto(`/a/${created.slug}`))?.status()).toBe(404);
  expect((await anonymous.request.get(`/api/v1/articles/${created.id}/publications`)).status()).toBe(404);

  const refused = await editorApi.post(`/api/v1/articles/${created.id}/publications`, { data: {} });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('claims');

  await approveDeficitClaim(editorApi, reviewerApi, created.id);

  const v1 = await editorApi.post(`/api/v1/articles/${created.id}/publications`, { data: {} });
  expect(v1.status()).toBe(201);
  expect(await v1.json()).toMatchObject({ number: 1, url: `/a/${created.slug}` });
  const page = await anonymous.goto(`/a/${created.slug}`);
  expect(page?.status()).toBe(200);
  await expect(anonymous.getByRole('button', { name: 'False', exact: true })).toBeVisible();

  const noNote = await editorApi.post(`/api/v1/articles/${created.id}/publications`, { data: {} });
  expect(noNote.status()).toBe(422);
  expect(((await noNote.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
    'correctionNote',
  ]);
  const v2 = await editorApi.post(`/api/v1/articles/${created.id}/publications`, {
    data: { correctionNote: 'The source’s date was wrong.' },
  });
  expect(((await v2.json()) as { number: number }).number).toBe(2);

  await anonymous.goto(`/a/${created.slug}`);
  await expect(anonymous.getByRole('note')).toContainText('The source’s date was wrong.');
  expect(await structuredData(anonymous)).toHaveLength(1);
  await anonymous.goto(`/a/${created.slug}/v/1`);
  await expect(anonymous.getByRole('note')).toContainText('This is version 1.');
  expect(await structuredData(anonymous)).toEqual([]);
  await expect(anonymous.getByRole('link', { name: 'Read the latest version (2)' })).toHaveAttribute(
    'href',
    `/a/${created.slug}`,
  );
  const versions = (await (await anonymous.request.get(`/api/v1/articles/${created.id}/publications`)).json()) as {
    items: { number: number }[];
  };
  expect(versions.items.map((v) => v.number)).toEqual([1, 2]);
});

test('/a lists the published fact-checks, with an Atom feed', async ({ browser, request }) => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const response = await page.goto('/a');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'none'");
  const demo = page.getByRole('link', {
    name: 'Witkoff says Putin accepted NATO-style security guarantees for Ukraine',
  });
  await expect(demo).toHaveAttribute('href', `/a/${demoSlug}`);
  await page.getByRole('link', { name: 'Atom feed' }).click();
  const feed = await request.get('/a/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toMatch(
    new RegExp(
      `<entry><title>Witkoff says Putin accepted NATO-style security guarantees for Ukraine</title><link href="http[^"]+/a/${demoSlug}"/>`,
    ),
  );
});
