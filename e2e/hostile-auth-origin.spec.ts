import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from '@playwright/test';
import {
  apiAs,
  createUser,
  demoAdminApi,
  newPage,
  sameOrigin,
  signIn,
  signInByHttp,
  tokenFor,
  uniqueSuffix,
} from './support/accounts';

// Attacks on cookie-authenticated writes, server actions and sign-in redirects, through the production server.
// Each test signs in and works through several pages; a busy machine needs the headroom.
test.describe.configure({ timeout: 120_000 });

let baseURL: string;
let admin: APIRequestContext;
const attacker = 'http://localhost:4999';

test.beforeAll(async () => {
  baseURL = test.info().project.use.baseURL ?? '';
  admin = await demoAdminApi();
});

/** A newsroom editor signed in in a browser, with a claim they deleted (restoring it is a write with an empty body). */
async function editorWithDeletedClaim(browser: Browser, page: Page) {
  const editor = await createUser(admin, ['EDITOR']);
  const { token } = await tokenFor(editor.email, editor.password);
  const editorApi = await apiAs(baseURL, token);
  const created = await editorApi.post('/api/v1/articles', {
    data: { title: `Target ${uniqueSuffix()}`, format: 'text', body: 'The river rose by two metres.' },
  });
  expect(created.status()).toBe(201);
  const { id: articleId } = (await created.json()) as { id: string };
  const claim = await editorApi.post(`/api/v1/articles/${articleId}/claims`, {
    data: { quote: { exact: 'rose by two metres' } },
  });
  expect(claim.status()).toBe(201);
  const { id } = (await claim.json()) as { id: string };
  expect((await editorApi.delete(`/api/v1/claims/${id}`)).status()).toBe(204);
  await signInByHttp(page, editor.email, editor.password, '/dashboard');
  const liveClaims = async () =>
    ((await (await editorApi.get(`/api/v1/articles/${articleId}/claims`)).json()) as { items: unknown[] }).items.length;
  return { restore: `${baseURL}/api/v1/claims/${id}/restore`, liveClaims, token };
}

test('a page on another port of this host cannot write with the session cookie; this site’s own page can', async ({
  browser,
}) => {
  const page = await newPage(browser);
  const { restore: target, liveClaims } = await editorWithDeletedClaim(browser, page);

  // A real same-site page elsewhere: its form posts a "simple" text/plain body, with the cookie (SameSite=Lax).
  await page.route(`${attacker}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Elsewhere</title><form method="post" enctype="text/plain" action="${target}"><button>Win a prize</button></form>`,
    }),
  );
  await page.goto(`${attacker}/attack`);
  const [answer] = await Promise.all([
    page.waitForResponse(target),
    page.getByRole('button', { name: 'Win a prize' }).click(),
  ]);
  expect(answer.request().headers().origin).toBe(attacker);
  expect(answer.status()).toBe(403);
  expect(await liveClaims()).toBe(0);

  // What that page's request looks like, answered: 403 problem+json, also without Origin or from the same site.
  const foreign: Record<string, string>[] = [
    { Origin: attacker },
    { 'Sec-Fetch-Site': 'same-site' },
    {},
    { Origin: 'null' },
  ];
  for (const headers of foreign) {
    const response = await page.request.post(target, {
      headers: { ...headers, 'Content-Type': 'text/plain' },
      data: '',
    });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(((await response.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('(header) Origin');
  }
  expect(await liveClaims()).toBe(0);

  // The same request from this site's own page goes through.
  await page.goto('/dashboard');
  const status = await page.evaluate(
    (url) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '' }).then((r) => r.status),
    target,
  );
  expect(status).toBe(200);
  expect(await liveClaims()).toBe(1);
});

test('a bearer token writes from anywhere: the origin check is for the cookie only', async ({ browser }) => {
  const page = await newPage(browser);
  const { restore, liveClaims, token } = await editorWithDeletedClaim(browser, page);
  const api = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${token}`, Origin: attacker },
  });
  expect((await api.post(restore, { headers: { 'Content-Type': 'text/plain' }, data: '' })).status()).toBe(200);
  expect(await liveClaims()).toBe(1);
  await api.dispose();
});

test('a server action replayed from another origin or without one is refused; from this site it runs', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await editorWithDeletedClaim(browser, page);
  // Catch the sign-out action the page sends, without letting it through.
  const captured = new Promise<{ url: string; headers: Record<string, string>; body: Buffer }>((resolve) => {
    void page.route(`${baseURL}/**`, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || !request.headers()['next-action']) return route.continue();
      resolve({ url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
      return route.abort();
    });
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  const action = await captured;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  const { origin: ownOrigin, ...rest } = action.headers;
  const base = Object.fromEntries(
    Object.entries(rest).filter(([name]) => !/^(cookie|host|content-length|sec-fetch-.*)$/.test(name)),
  );
  expect(ownOrigin).toBe(baseURL);

  for (const headers of [{ ...base, origin: attacker }, base, { ...base, 'sec-fetch-site': 'same-site' }]) {
    const response = await page.request.post(action.url, { headers, data: action.body, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(response.headers()['content-type']).toContain('application/problem+json');
  }
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);

  const replayed = await page.request.post(action.url, {
    headers: { ...base, origin: ownOrigin ?? '' },
    data: action.body,
    maxRedirects: 0,
  });
  expect(replayed.status()).not.toBe(403);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('after sign-in, a callbackUrl never leads off this site', async ({ browser }) => {
  const user = await createUser(admin, ['EDITOR']);
  const page = await newPage(browser);
  await signIn(page, user.email, user.password);
  const attacks = [
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%09/evil.example',
    '//evil.example',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '/%255Cevil.example',
    'https://evil.example/',
    'https:%2F%2Fevil.example',
    '/%0D%0A/evil.example',
  ];
  for (const attack of attacks) {
    const response = await page.request.get(`/sign-in?callbackUrl=${attack}`, { maxRedirects: 0 });
    expect(response.status(), attack).toBe(307);
    expect(response.headers().location, attack).toBe('/dashboard');
  }
  const kept = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent('/account?tab=tokens')}`, {
    maxRedirects: 0,
  });
  expect(kept.headers().location).toBe('/account?tab=tokens');

  // Signing in through the form with such a link lands on the dashboard of this site.
  const fresh = await newPage(browser);
  await fresh.goto('/sign-in?callbackUrl=/%5Cevil.example');
  await fresh.getByLabel('Email').fill(user.email);
  await fresh.getByLabel('Password').fill(user.password);
  await fresh.getByRole('button', { name: 'Sign in' }).click();
  await expect(fresh).toHaveURL(`${baseURL}/dashboard`);
});

test('Auth.js’s own pages and sign-out are closed; the HTTP sign-in’s CSRF token stays', async ({ browser }) => {
  const user = await createUser(admin, ['EDITOR']);
  const page = await newPage(browser);
  await signInByHttp(page, user.email, user.password);
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect(csrfToken).toMatch(/^[0-9a-f]{32,}$/);
  const closed = [
    page.request.get('/api/auth/signout'),
    page.request.post('/api/auth/signout', { form: { csrfToken }, headers: sameOrigin(), maxRedirects: 0 }),
    page.request.get('/api/auth/signin'),
    page.request.get('/api/auth/signin/credentials'),
    page.request.post('/api/auth/signin/github', { form: { csrfToken }, maxRedirects: 0 }),
    page.request.get('/api/auth/session'),
    page.request.get('/api/auth/providers'),
    page.request.get('/api/auth/error'),
    page.request.get('/api/auth/callback/credentials'),
  ];
  for (const response of await Promise.all(closed)) {
    expect(response.status(), response.url()).toBe(404);
    expect(response.headers()['content-type']).toContain('application/problem+json');
  }
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
});
