import { randomUUID } from 'node:crypto';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

export type Role = 'ADMIN' | 'EDITOR' | 'REVIEWER';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  roles: Role[];
}

/** The demo admin every fresh install has; specs use it only to create their own users. */
export const demoAdmin = { email: 'admin@example.org', password: 'demo-admin-password' };

export const uniqueSuffix = () => randomUUID().slice(0, 8);

/**
 * A browser context with its own client address, so sign-in throttling of one spec never touches another:
 * the test server trusts one proxy (FACTMARK_TRUSTED_PROXY_HOPS=1 in playwright.config.ts), whose entry is
 * the last of X-Forwarded-For.
 */
export async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    ...options,
    extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 250) + 1}, 203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` },
  });
  return context.newPage();
}

export async function signIn(page: Page, email: string, password: string, callbackUrl = '/dashboard'): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The password hash (argon2) is deliberately slow, and slower still on a loaded machine.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 60_000 });
}

/** A personal API token for a user, made as they would: signed in, through the API with their session. */
export async function tokenFor(browser: Browser, email: string, password: string): Promise<{ token: string; id: string }> {
  const page = await newPage(browser);
  try {
    await signIn(page, email, password);
    // page.request shares the page's cookie but, unlike the page, sends no Origin: a cookie write needs this site's.
    const response = await page.request.post('/api/v1/tokens', { data: { name: `e2e ${uniqueSuffix()}` }, headers: { Origin: new URL(page.url()).origin } });
    expect(response.status()).toBe(201);
    return (await response.json()) as { token: string; id: string };
  } finally {
    await page.context().close();
  }
}

export async function apiAs(baseURL: string, token: string | null): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: token ? { Authorization: `Bearer ${token}` } : {} });
}

/** Creates a user with a password through the admin API. */
export async function createUser(admin: APIRequestContext, roles: Role[], label = roles.join('-').toLowerCase()): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const body = { email: `${label}-${suffix}@e2e.example.org`, name: `E2E ${label} ${suffix}`, roles, password: `pw-${suffix}-long-enough` };
  const response = await admin.post('/api/v1/users', { data: body });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { id: string };
  return { id: created.id, email: body.email, name: body.name, password: body.password, roles };
}

export interface Newsroom {
  admin: APIRequestContext;
  editor: TestUser;
  reviewer: TestUser;
  editorApi: APIRequestContext;
  reviewerApi: APIRequestContext;
}

/** A fresh editor and reviewer with API clients, made by the demo admin: what most specs start from. */
export async function newsroom(browser: Browser): Promise<Newsroom> {
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await apiAs(baseURL, (await tokenFor(browser, demoAdmin.email, demoAdmin.password)).token);
  const editor = await createUser(admin, ['EDITOR']);
  const reviewer = await createUser(admin, ['REVIEWER']);
  const editorApi = await apiAs(baseURL, (await tokenFor(browser, editor.email, editor.password)).token);
  const reviewerApi = await apiAs(baseURL, (await tokenFor(browser, reviewer.email, reviewer.password)).token);
  return { admin, editor, reviewer, editorApi, reviewerApi };
}
