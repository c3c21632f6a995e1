import { expect, test } from '@playwright/test';
import { newPage, signInByHttp } from './support/accounts';

// The reviewer sees the read-only article page; editors get the editor (e2e/editor.spec.ts).
const demoReviewer = { email: 'reviewer@example.org', password: 'demo-reviewer-password' };

const demoTitle = 'Witkoff says Putin accepted NATO-style security guarantees for Ukraine';

test('the front page lists the demo article', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Fact-checks' })).toBeVisible();
  const link = page.getByRole('link', { name: demoTitle });
  await expect(link).toBeVisible();
  await expect(page.getByRole('listitem').filter({ has: link })).toContainText('3 claims checked');
  await expect(link).toHaveAttribute('href', /^\/a\//);
});

test('the demo article shows its text with every sample claim highlighted and listed', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, demoReviewer.email, demoReviewer.password, '/dashboard');
  await page.getByRole('link', { name: demoTitle }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: demoTitle })).toBeVisible();

  const article = page.locator('article');
  await expect(article).toHaveAttribute('lang', 'en');
  await expect(article).toHaveAttribute('dir', 'ltr');
  await expect(article).toContainText('In a significant development following the August 15, 2025, summit in Alaska');

  const highlight = (text: string) => article.locator('mark[data-claim-id]', { hasText: text });
  await expect(highlight('the 3.5-year war')).toHaveAttribute('data-state', 'APPROVED');
  await expect(highlight('We’re not at the precipice of a peace deal')).toHaveAttribute('data-state', 'NO_VERDICT');
  await expect(highlight('Russia also committed to a legislative promise')).toHaveAttribute('data-state', 'IN_REVIEW');

  const ids = await article
    .locator('mark[data-claim-id]')
    .evaluateAll((marks) => [...new Set(marks.map((m) => m.getAttribute('data-claim-id')))]);
  expect(ids).toHaveLength(6);

  const list = page.getByRole('complementary', { name: 'Claims in this article' });
  await expect(list.getByRole('listitem')).toHaveCount(6);
  const first = list.getByRole('listitem').first();
  await expect(first).toContainText('Steve Witkoff, U.S. special envoy');
  await expect(first).toContainText('Approved');
  await expect(first).toContainText('Missing context');
  for (const id of ids) await expect(list.locator(`[data-claim-id="${id}"]`)).toHaveCount(1);
});

test.describe('without JavaScript', () => {
  test('the highlights are in the server-rendered HTML', async ({ browser }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(demoReviewer.email);
    await page.getByLabel('Password').fill(demoReviewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The dashboard pages 20 articles at a time and other specs add many: search for the sample.
    await page.goto(`/dashboard?q=${encodeURIComponent(demoTitle)}`);
    await page.getByRole('link', { name: demoTitle }).last().click();
    await expect(page.locator('article mark[data-claim-id]', { hasText: 'the 3.5-year war' })).toBeVisible();
  });
});

test('pages carry a strict Content-Security-Policy that the page itself obeys', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') violations.push(msg.text());
  });
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
});

test('article pages in the newsroom are for signed-in staff', async ({ browser, page }) => {
  const staff = await newPage(browser);
  await signInByHttp(staff, demoReviewer.email, demoReviewer.password, '/dashboard');
  const href = await staff.getByRole('link', { name: demoTitle }).last().getAttribute('href');
  expect(href).toMatch(/^\/articles\//);
  await page.goto(href ?? '');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Farticles%2F/);
});

test('an unknown article is a 404 page', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, demoReviewer.email, demoReviewer.password);
  const response = await page.goto('/articles/does-not-exist');
  await page.waitForLoadState();
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
