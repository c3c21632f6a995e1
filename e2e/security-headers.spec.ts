import { expect, test, type Browser, type Page } from '@playwright/test';
import { newPage, signInByHttp, type TestUser } from './support/accounts';
import { staffAndPageTypes, type PageType } from './support/page-types';

let staff: TestUser;
let reviewer: TestUser;
let pages: PageType[];

test.beforeAll(async () => {
  ({ staff, reviewer, pages } = await staffAndPageTypes());
});

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );

async function pageFor(browser: Browser, as: PageType['as']): Promise<Page> {
  const page = await newPage(browser);
  const user = { reader: null, staff, reviewer }[as];
  if (user) await signInByHttp(page, user.email, user.password);
  return page;
}

test('every page type carries a strict policy and the security headers, and obeys its policy', async ({ browser }) => {
  const readerPage = await pageFor(browser, 'reader');
  const staffPage = await pageFor(browser, 'staff');
  const reviewerPage = await pageFor(browser, 'reviewer');
  for (const type of pages) {
    const page = { reader: readerPage, staff: staffPage, reviewer: reviewerPage }[type.as];
    const violations: string[] = [];
    const listener = (msg: { type: () => string; text: () => string }) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    };
    page.on('console', listener);
    const response = await page.goto(type.path);
    await page.waitForLoadState('load');
    page.off('console', listener);
    expect(response?.status(), type.name).toBe(type.status ?? 200);
    const headers = response?.headers() ?? {};
    const csp = directives(headers['content-security-policy'] ?? '');
    const scripts = csp.get('script-src') ?? [];
    expect(scripts, `${type.name}: script-src`).not.toContain("'unsafe-inline'");
    expect(scripts, `${type.name}: script-src`).not.toContain("'unsafe-eval'");
    if (type.scriptFree) expect(scripts, type.name).toEqual(["'none'"]);
    else
      expect(
        scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)),
        `${type.name}: a nonce`,
      ).toBe(true);
    expect(csp.get('base-uri'), type.name).toEqual(["'none'"]);
    const framing = csp.get('frame-ancestors');
    if (type.name === 'embed') {
      expect(headers['x-frame-options'], type.name).toBeUndefined();
    } else {
      expect(framing, `${type.name}: frame-ancestors`).toEqual(["'none'"]);
      expect(headers['x-frame-options'], type.name).toBe('DENY');
    }
    expect(headers['x-content-type-options'], type.name).toBe('nosniff');
    expect(headers['referrer-policy'], type.name).toBe('strict-origin-when-cross-origin');
    // The tests run the production build: HSTS is on (browsers ignore it over plain http).
    expect(headers['strict-transport-security'], type.name).toMatch(/^max-age=\d{8,}/);
    expect(violations, `${type.name}: CSP violations`).toEqual([]);
  }
});

test('a nonce is never reused between requests', async ({ request }) => {
  const nonce = async () =>
    /'nonce-([^']+)'/.exec((await request.get('/sign-in')).headers()['content-security-policy'] ?? '')?.[1];
  const [a, b] = [await nonce(), await nonce()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});

test('API answers are never sniffed, framed or cached by shared caches when private', async ({ request }) => {
  const me = await request.get('/api/v1/me');
  expect(me.status()).toBe(401);
  expect(me.headers()['content-type']).toContain('application/problem+json');
  expect(me.headers()['x-content-type-options']).toBe('nosniff');
  expect(me.headers()['x-frame-options']).toBe('DENY');
});
