import { expect, test, type APIRequestContext, type APIResponse, type Browser, type Page } from '@playwright/test';
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
  type TestUser,
} from './support/accounts';

/** What README "API tokens" promises: who creates tokens, and what disabling, enabling and a password reset do to them. */

// Each test signs in several times: headroom for a machine shared with other runs.
test.describe.configure({ timeout: 180_000 });

let admin: APIRequestContext;
const baseURL = () => test.info().project.use.baseURL ?? '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  admin = await demoAdminApi();
});

async function signedIn(browser: Browser, user: TestUser): Promise<Page> {
  const page = await newPage(browser);
  await signInByHttp(page, user.email, user.password);
  return page;
}

/** A new token made with the page's signed-in session, as a client for it. */
async function newToken(page: Page): Promise<APIRequestContext> {
  const response = await page.request.post('/api/v1/tokens', {
    data: { name: `integration ${uniqueSuffix()}` },
    headers: sameOrigin(),
  });
  expect(response.status()).toBe(201);
  return apiAs(baseURL(), ((await response.json()) as { token: string }).token);
}

async function status(api: APIRequestContext, path = '/api/v1/me'): Promise<number> {
  return (await api.get(path)).status();
}

async function tokenIds(api: APIRequestContext): Promise<string[]> {
  const response = await api.get('/api/v1/tokens');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { id: string }[] }).items.map((t) => t.id);
}

async function expectProblem(response: APIResponse, code: number, detail: string | RegExp): Promise<void> {
  expect(response.status(), await response.text()).toBe(code);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  expect(((await response.json()) as { detail: string }).detail).toMatch(detail);
}

test('an API token cannot create a token; the signed-in session can, and a token lists and revokes its user’s tokens', async ({
  browser,
}) => {
  const user = await createUser(admin, ['EDITOR']);
  const page = await signedIn(browser, user);
  const made = await page.request.post('/api/v1/tokens', {
    data: { name: `integration ${uniqueSuffix()}` },
    headers: sameOrigin(),
  });
  expect(made.status()).toBe(201);
  const first = (await made.json()) as { id: string; token: string };
  const api = await apiAs(baseURL(), first.token);

  await expectProblem(
    await api.post('/api/v1/tokens', { data: { name: 'minted by a token' } }),
    403,
    'Creating a token needs a signed-in session.',
  );
  expect(await tokenIds(api)).toEqual([first.id]);
  expect(await tokenIds(page.request)).toEqual([first.id]);

  const second = (await (
    await page.request.post('/api/v1/tokens', { data: { name: 'second' }, headers: sameOrigin() })
  ).json()) as { id: string; token: string };
  expect((await tokenIds(api)).sort()).toEqual([first.id, second.id].sort());
  expect((await api.delete(`/api/v1/tokens/${second.id}`)).status()).toBe(204);
  expect(await status(await apiAs(baseURL(), second.token))).toBe(401);
  expect(await tokenIds(api)).toEqual([first.id]);
  await page.context().close();
});

test('disabling a user revokes all their tokens at once; enabling them again brings none back', async ({ browser }) => {
  const user = await createUser(admin, ['EDITOR', 'REVIEWER']);
  const page = await signedIn(browser, user);
  const one = await newToken(page);
  const two = await newToken(page);
  expect([await status(one), await status(two), await status(page.request)]).toEqual([200, 200, 200]);

  expect((await admin.patch(`/api/v1/users/${user.id}`, { data: { disabled: true } })).status()).toBe(200);
  expect([await status(one), await status(two), await status(page.request)]).toEqual([401, 401, 401]);

  expect((await admin.patch(`/api/v1/users/${user.id}`, { data: { disabled: false } })).status()).toBe(200);
  // Enabled again: the old tokens stay revoked and the old session stays ended.
  expect([await status(one), await status(two), await status(page.request)]).toEqual([401, 401, 401]);
  const again = await signedIn(browser, user);
  expect(await tokenIds(again.request)).toEqual([]);
  expect(await status(await newToken(again))).toBe(200);
  expect(await tokenIds(again.request)).toHaveLength(1);
  await page.context().close();
  await again.context().close();
});

test('an admin’s password reset ends the user’s sessions and keeps their tokens working', async ({ browser }) => {
  const user = await createUser(admin, ['EDITOR']);
  const { token, id } = await tokenFor(user.email, user.password);
  const api = await apiAs(baseURL(), token);
  const page = await signedIn(browser, user);
  expect(await status(page.request)).toBe(200);

  const reset = await admin.post(`/api/v1/users/${user.id}/password-reset`);
  expect(reset.status()).toBe(201);
  expect(await status(page.request)).toBe(401);
  expect(await status(api)).toBe(200);
  expect(await tokenIds(api)).toEqual([id]);

  // The one-time link sets a new password; the old one is gone, and the token still works after.
  const { resetUrl } = (await reset.json()) as { resetUrl: string };
  const fresh = await newPage(browser);
  await fresh.goto(resetUrl);
  const newPassword = `new-${uniqueSuffix()}-long-enough`;
  await fresh.getByLabel('New password').fill(newPassword);
  await fresh.getByRole('button', { name: 'Set password' }).click();
  await expect(fresh).toHaveURL(/\/sign-in/);
  await signIn(fresh, user.email, newPassword);
  expect(await status(fresh.request)).toBe(200);
  expect(await status(api)).toBe(200);
  await page.context().close();
  await fresh.context().close();
});

test('changing your own password ends your sessions and keeps your tokens working', async ({ browser }) => {
  const user = await createUser(admin, ['REVIEWER']);
  const api = await apiAs(baseURL(), (await tokenFor(user.email, user.password)).token);
  const page = await newPage(browser);
  await signInByHttp(page, user.email, user.password, '/account');
  await page.getByLabel('Current password').fill(user.password);
  await page.getByLabel('New password').fill(`changed-${uniqueSuffix()}-password`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await status(page.request)).toBe(401);
  expect(await status(api)).toBe(200);
  await page.context().close();
});

test('an admin disabling and enabling a user in the page says what happened to their tokens', async ({ browser }) => {
  const user = await createUser(admin, ['EDITOR']);
  const api = await apiAs(baseURL(), (await tokenFor(user.email, user.password)).token);
  const page = await newPage(browser);
  await signInByHttp(page, demoAdmin.email, demoAdmin.password, '/admin/users');
  await page.getByRole('button', { name: `Disable ${user.name}` }).click();
  await page
    .getByRole('alertdialog', { name: `Disable ${user.name}?` })
    .getByRole('button', { name: `Disable ${user.name}` })
    .click();
  await expect(
    page.getByText(`${user.name} is disabled; their sessions ended and their API tokens are revoked.`),
  ).toBeVisible();
  expect(await status(api)).toBe(401);
  await page.getByRole('button', { name: `Enable ${user.name}` }).click();
  await expect(page.getByText(`${user.name} is enabled again; their old API tokens stay revoked.`)).toBeVisible();
  expect(await status(api)).toBe(401);
  await page.context().close();
});
