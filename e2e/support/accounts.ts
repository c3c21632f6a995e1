import { randomUUID } from 'node:crypto';
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from '@playwright/test';
import type { z } from 'zod';
import type { createdTokenDto } from '@/lib/validation/tokens';
import type { roleSchema } from '@/lib/validation/users';

export type Role = z.infer<typeof roleSchema>;

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
export async function newPage(
  browser: Browser,
  options: {
    javaScriptEnabled?: boolean;
    locale?: string;
    timezoneId?: string;
    viewport?: { width: number; height: number };
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    ...options,
    extraHTTPHeaders: {
      'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 250) + 1}, 203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
    },
  });
  return context.newPage();
}

/** The address the tests run the app at (playwright.config.ts `use.baseURL`). */
export const appBaseURL = (): string => test.info().project.use.baseURL ?? '';

/**
 * This site's `Origin` header: a write authenticated by the session cookie must name it, as the app's own pages
 * do, and `page.request` (or any other request context) sends none of its own.
 */
export const sameOrigin = (): { Origin: string } => ({ Origin: new URL(appBaseURL()).origin });

/** Signs in through the sign-in page, as a person does: for tests about signing in, or about what follows it. */
export async function signIn(page: Page, email: string, password: string, callbackUrl = '/dashboard'): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The password hash (argon2) is deliberately slow, and slower still on a loaded machine.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 60_000 });
}

/**
 * Signs a request context in through Auth.js's password endpoint, the one HTTP clients use, without rendering
 * a page. A browser context's `request` shares its cookies, so its pages are then signed in too.
 */
export async function signInOverHttp(session: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await session.get('/api/auth/csrf');
  expect(csrf.status(), await csrf.text()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await session.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: `${appBaseURL()}/dashboard` },
    maxRedirects: 0,
  });
  expect(signedIn.status(), await signedIn.text()).toBeLessThan(400);
  expect(signedIn.headers().location ?? '', `${email} signed in`).not.toContain('error');
}

/**
 * Signs the page's browser context in without the sign-in page (two page loads fewer), then opens `path` if
 * given: set-up for tests about something else. Tests about signing in use `signIn`.
 */
export async function signInByHttp(page: Page, email: string, password: string, path?: string): Promise<void> {
  await signInOverHttp(page.request, email, password);
  if (path) await page.goto(path);
}

/** A personal API token for a user, made as an HTTP client would: signed in, through the API with that session. */
export async function tokenFor(email: string, password: string): Promise<z.infer<typeof createdTokenDto>> {
  const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const session = await playwrightRequest.newContext({
    baseURL: appBaseURL(),
    extraHTTPHeaders: { 'X-Forwarded-For': client },
  });
  try {
    await signInOverHttp(session, email, password);
    const response = await session.post('/api/v1/tokens', {
      data: { name: `e2e ${uniqueSuffix()}` },
      headers: sameOrigin(),
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as z.infer<typeof createdTokenDto>;
  } finally {
    await session.dispose();
  }
}

let demoAdminToken: Promise<string> | undefined;

/**
 * An API client of the demo admin, whose token is made once per worker process: specs use it only to create
 * their own users and settings.
 */
export async function demoAdminApi(): Promise<APIRequestContext> {
  demoAdminToken ??= tokenFor(demoAdmin.email, demoAdmin.password).then(
    (made) => made.token,
    (err: unknown) => {
      demoAdminToken = undefined;
      throw err;
    },
  );
  return apiAs(appBaseURL(), await demoAdminToken);
}

export async function apiAs(baseURL: string, token: string | null): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: token ? { Authorization: `Bearer ${token}` } : {} });
}

/** Creates a user with a password through the admin API. */
export async function createUser(
  admin: APIRequestContext,
  roles: Role[],
  label = roles.join('-').toLowerCase(),
): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const body = {
    email: `${label}-${suffix}@e2e.example.org`,
    name: `E2E ${label} ${suffix}`,
    roles,
    password: `pw-${suffix}-long-enough`,
  };
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
export async function newsroom(): Promise<Newsroom> {
  const admin = await demoAdminApi();
  const [editor, reviewer] = await Promise.all([createUser(admin, ['EDITOR']), createUser(admin, ['REVIEWER'])]);
  const [editorToken, reviewerToken] = await Promise.all([
    tokenFor(editor.email, editor.password),
    tokenFor(reviewer.email, reviewer.password),
  ]);
  return {
    admin,
    editor,
    reviewer,
    editorApi: await apiAs(appBaseURL(), editorToken.token),
    reviewerApi: await apiAs(appBaseURL(), reviewerToken.token),
  };
}
