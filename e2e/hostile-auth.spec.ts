import { request as httpRequest } from 'node:http';
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
  demoAdmin,
  demoAdminApi,
  newPage,
  sameOrigin,
  signIn,
  signInByHttp,
  tokenFor,
  uniqueSuffix,
} from './support/accounts';

// Attacks on sign-in, on cookie-authenticated writes and on body sizes, through the production server.
// Each test signs in and works through several pages; a busy machine needs the headroom.
test.describe.configure({ timeout: 120_000 });

let baseURL: string;
let admin: APIRequestContext;
const attacker = 'http://localhost:4999';

test.beforeAll(async () => {
  baseURL = test.info().project.use.baseURL ?? '';
  admin = await demoAdminApi();
});

/** An address of its own: the test server trusts one proxy, whose entry is the last of X-Forwarded-For. */
const newAddress = () => `2001:db8::${uniqueSuffix().slice(0, 4)}:${uniqueSuffix().slice(0, 4)}`;

type Outcome = 'throttled' | 'refused' | 'signed-in';

/** A client of the HTTP password sign-in (POST /api/auth/callback/credentials) with its CSRF token. */
async function passwordClient() {
  const client = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const attempt = async (email: string, password: string, forwardedFor: string) => {
    const response = await client.post('/api/auth/callback/credentials', {
      form: { email, password, csrfToken },
      headers: { 'X-Forwarded-For': forwardedFor },
      maxRedirects: 0,
    });
    return { response, outcome: outcomeOf(response.status(), response.headers().location ?? '') };
  };
  return { client, attempt };
}

function outcomeOf(status: number, location: string): Outcome {
  if (status === 429) return 'throttled';
  expect(status, location).toBe(302);
  return location.includes('error=') ? 'refused' : 'signed-in';
}

test('thirty wrong passwords at once and the right one: at most ten are checked, then the right one is refused', async () => {
  const user = await createUser(admin, ['EDITOR']);
  const { client, attempt } = await passwordClient();
  const outcomes = await Promise.all([
    ...Array.from({ length: 30 }, (_, i) => attempt(user.email, `wrong-${i}`, newAddress())),
    attempt(user.email, user.password, newAddress()),
  ]);
  const checked = outcomes.filter((o) => o.outcome !== 'throttled');
  expect(checked.length).toBeLessThanOrEqual(10);
  expect(outcomes.filter((o) => o.outcome === 'throttled').length).toBeGreaterThanOrEqual(21);
  const throttled = outcomes.find((o) => o.outcome === 'throttled')?.response;
  expect(throttled?.headers()['content-type']).toContain('application/problem+json');
  expect(throttled?.headers()['retry-after']).toBe('900');

  const later = await attempt(user.email, user.password, newAddress());
  expect(later.outcome).toBe('throttled');
  await client.dispose();
});

test('entries a client writes before the trusted proxy’s do not escape the per-address limit', async () => {
  const { client, attempt } = await passwordClient();
  const address = newAddress();
  for (let i = 0; i < 10; i++) {
    expect(
      (await attempt(`nobody-${uniqueSuffix()}@e2e.example.org`, 'guess', `198.51.100.${i}, ${address}`)).outcome,
    ).toBe('refused');
  }
  expect((await attempt(`nobody-${uniqueSuffix()}@e2e.example.org`, 'guess', `6.6.6.6, ${address}`)).outcome).toBe(
    'throttled',
  );
  expect((await attempt(`nobody-${uniqueSuffix()}@e2e.example.org`, 'guess', newAddress())).outcome).toBe('refused');
  await client.dispose();
});

test('an unknown email is answered like a wrong password (timing measured, not asserted)', async () => {
  const user = await createUser(admin, ['REVIEWER']);
  const { client, attempt } = await passwordClient();
  const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
  for (let i = 0; i < 4; i++) {
    for (const kind of ['known', 'unknown'] as const) {
      const email = kind === 'known' ? user.email : `nobody-${uniqueSuffix()}@e2e.example.org`;
      const started = performance.now();
      const { response, outcome } = await attempt(email, `wrong-${i}`, newAddress());
      timings[kind].push(performance.now() - started);
      expect(outcome).toBe('refused');
      expect(response.headers().location).toMatch(/\/sign-in\?error=CredentialsSignin&code=credentials$/);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  test.info().annotations.push({
    type: 'sign-in timing (median ms)',
    description: `known ${median(timings.known).toFixed(0)}, unknown ${median(timings.unknown).toFixed(0)}`,
  });
  await client.dispose();
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

interface Upload {
  status: number;
  ms: number;
}

/**
 * POSTs up to 30 MB: with `declared`, only the headers saying so are sent until the server answers (it must
 * answer without reading); without, chunks flow until the server answers or the body is complete.
 */
function upload(
  path: string,
  headers: Record<string, string>,
  declared: 'declared' | 'streamed' | 'declared-and-sent',
): Promise<Upload> {
  const total = 30 * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(new URL(path, baseURL), {
      method: 'POST',
      headers: {
        ...headers,
        ...(declared === 'streamed' ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(total) }),
      },
    });
    let answered = false;
    let sent = 0;
    request.on('response', (response) => {
      answered = true;
      response.resume();
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started });
        request.destroy();
      });
    });
    request.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (declared === 'declared') return void request.flushHeaders();
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

/** Runs `work` while /api/health is asked again and again; every answer must be 200. */
async function withHealthProbe<T>(work: () => Promise<T>): Promise<{ result: T; healthMaxMs: number }> {
  let finished = false;
  const latencies: number[] = [];
  const probe = (async () => {
    while (!finished) {
      const started = performance.now();
      const response = await fetch(`${baseURL}/api/health`);
      latencies.push(performance.now() - started);
      expect(response.status).toBe(200);
    }
  })();
  try {
    return { result: await work(), healthMaxMs: Math.max(0, ...latencies) };
  } finally {
    finished = true;
    await probe;
  }
}

test('30 MB bodies are refused with 413 before they are read, and the server keeps answering', async () => {
  test.setTimeout(120_000);
  const { token } = await tokenFor(demoAdmin.email, demoAdmin.password);
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const json = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const cases: [string, string, Record<string, string>, 'declared' | 'streamed' | 'declared-and-sent'][] = [
    ['sign-in, declared', '/api/auth/callback/credentials', form, 'declared'],
    ['sign-in, streamed', '/api/auth/callback/credentials', form, 'streamed'],
    ['API, declared', '/api/v1/articles', json, 'declared'],
    ['API, streamed', '/api/v1/articles', json, 'streamed'],
    [
      'server action, declared',
      '/sign-in',
      { ...form, Origin: baseURL, 'Next-Action': '0'.repeat(42) },
      'declared-and-sent',
    ],
  ];
  for (const [name, path, headers, how] of cases) {
    const { result, healthMaxMs } = await withHealthProbe(() => upload(path, headers, how));
    test.info().annotations.push({
      type: '30 MB body',
      description: `${name}: ${result.status} in ${result.ms.toFixed(0)} ms; /api/health max ${healthMaxMs.toFixed(0)} ms`,
    });
    expect(result.status, name).toBe(413);
  }
  const problem = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: form,
    body: 'a'.repeat(70 * 1024),
  });
  expect(problem.status).toBe(413);
  expect(problem.headers.get('content-type')).toContain('application/problem+json');
  expect(((await problem.json()) as { detail: string }).detail).toMatch(/larger than 64 KB/);
  // A body of a few fields is capped far lower than a document's: 2 MB to "already checked?" is refused unread.
  const fewFields = await fetch(`${baseURL}/api/v1/similar`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ text: 'Inflation fell.', junk: Array.from({ length: 200_000 }, (_, i) => `z${i}`) }),
  });
  expect(fewFields.status).toBe(413);
  expect(((await fewFields.json()) as { detail: string }).detail).toMatch(/larger than 1 MB/);
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
});
