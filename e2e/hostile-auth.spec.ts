import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { createUser, demoAdminApi, uniqueSuffix } from './support/accounts';

// Attacks on sign-in through the production server (cookie-authenticated writes: hostile-auth-origin.spec.ts; body sizes: hostile-auth-bodies.spec.ts).
// Each test signs in and works through several pages; a busy machine needs the headroom.
test.describe.configure({ timeout: 120_000 });

let baseURL: string;
let admin: APIRequestContext;

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
