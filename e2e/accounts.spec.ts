import { confirmDialog, expectToast } from './support/toasts';
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  apiAs,
  createUser,
  demoAdmin,
  demoAdminApi,
  newPage,
  signIn,
  signInByHttp,
  uniqueSuffix,
} from './support/accounts';

let admin: APIRequestContext;

test.beforeAll(async () => {
  admin = await demoAdminApi();
});

test('an editor signs in, sees their dashboard, and signs out', async ({ browser }) => {
  const editor = await createUser(admin, ['EDITOR']);
  const page = await newPage(browser);
  await signIn(page, editor.email, editor.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${editor.name}`)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
});

test('a wrong password and an unknown email get the same message', async ({ browser }) => {
  const editor = await createUser(admin, ['EDITOR']);
  const page = await newPage(browser);
  const attempt = async (email: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('p[role="alert"]');
    await expect(alert).toBeVisible();
    return alert.textContent();
  };
  const wrongPassword = await attempt(editor.email);
  const unknownEmail = await attempt(`nobody-${uniqueSuffix()}@e2e.example.org`);
  expect(wrongPassword).toBe('The email or password is not right, or the account is disabled.');
  expect(unknownEmail).toBe(wrongPassword);
  await expect(page.getByLabel('Email')).toHaveValue(/nobody-/);
});

test('a disabled user cannot sign in, and their open session stops at once', async ({ browser }) => {
  const user = await createUser(admin, ['EDITOR']);
  const page = await newPage(browser);
  await signIn(page, user.email, user.password);
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);

  expect((await admin.patch(`/api/v1/users/${user.id}`, { data: { disabled: true } })).status()).toBe(200);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p[role="alert"]')).toHaveText(
    'The email or password is not right, or the account is disabled.',
  );
});

test('an editor cannot open the admin pages', async ({ browser }) => {
  const editor = await createUser(admin, ['EDITOR', 'REVIEWER']);
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/dashboard');
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  for (const path of ['/admin/users', '/admin/settings']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  }
});

test('a token created in the UI works against /api/v1/me until it is revoked', async ({ browser }) => {
  const editor = await createUser(admin, ['EDITOR']);
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/account');
  await page.getByLabel('Token name').fill('CMS import');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByLabel('New API token').inputValue();
  expect(token).toMatch(/^fm_/);

  const api = await apiAs(test.info().project.use.baseURL ?? '', token);
  const me = await api.get('/api/v1/me');
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: editor.email, roles: ['EDITOR'], authenticatedVia: 'token' });

  await page.reload();
  const row = page.getByRole('row', { name: /CMS import/ });
  await expect(row.locator('time')).toHaveCount(2); // created and last used, no longer "never"
  await row.getByRole('button', { name: 'Revoke token CMS import' }).click();
  const confirm = confirmDialog(page, 'Revoke the token “CMS import”?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await api.get('/api/v1/me')).status()).toBe(200);
  await row.getByRole('button', { name: 'Revoke token CMS import' }).click();
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  // The modal hides the page from assistive technology: the row counts as gone only once it has closed.
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /CMS import/ })).toHaveCount(0);
  await expectToast(page, 'Token “CMS import” revoked: it is refused from now on.');
  const after = await api.get('/api/v1/me');
  expect(after.status()).toBe(401);
  expect(after.headers()['content-type']).toContain('application/problem+json');
});

test('an admin creates a user; a short password is refused at the field and nothing else is lost', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInByHttp(page, demoAdmin.email, demoAdmin.password, '/admin/users');
  const email = `new-${uniqueSuffix()}@e2e.example.org`;
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create user' }) });
  await form.getByLabel('Name').fill('New Person');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Reviewer').check();
  await form.getByLabel('Password').fill('short');
  await form.getByRole('button', { name: 'Create user' }).click();
  // The error is beside its field, which takes the focus; no message above the form repeats it.
  await expect(form.locator('#field-password-error')).toHaveText('Use at least 12 characters.');
  await expect(form.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Password')).toHaveAccessibleDescription(/Use at least 12 characters\./);
  await expect(form.getByLabel('Password')).toBeFocused();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(form.getByLabel('Name')).toHaveValue('New Person');
  await expect(form.getByLabel('Email')).toHaveValue(email);
  await expect(form.getByLabel('Reviewer')).toBeChecked();

  await form.getByLabel('Password').fill('a-password-long-enough');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expectToast(page, 'New Person was created and can sign in now.');
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Reviewer');

  // Without a password the one-time link stays on the page, under the form, after the toast has gone.
  await form.getByLabel('Name').fill('Invited Person');
  await form.getByLabel('Email').fill(`invited-${email}`);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expectToast(page, 'Invited Person was created: send them the one-time link shown under the form.');
  await expect(form.getByRole('status')).toContainText('Send Invited Person this one-time link');
  await expect(form.getByRole('status').locator('code')).toHaveText(/^\/set-password\?token=/);

  const other = await newPage(browser);
  await signIn(other, email, 'a-password-long-enough');
  await expect(other.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});

test('the users list shows roles in words and pages through every user, newest first', async ({ browser }) => {
  test.setTimeout(240_000);
  // More users than one page holds, whatever other specs have made.
  const s = uniqueSuffix();
  const emails: string[] = [];
  for (let batch = 0; batch < 11; batch++) {
    const made = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const email = `page-${s}-${batch * 10 + i}@e2e.example.org`;
        const response = await admin.post('/api/v1/users', {
          data: { email, name: `Paged ${s} ${batch * 10 + i}`, roles: ['EDITOR', 'REVIEWER'] },
        });
        expect(response.status(), await response.text()).toBe(201);
        // Disabled at once, so they join no staff list and get no notification in other specs.
        const { id } = (await response.json()) as { id: string };
        expect((await admin.patch(`/api/v1/users/${id}`, { data: { disabled: true } })).status()).toBe(200);
        return email;
      }),
    );
    emails.push(...made);
  }
  const page = await newPage(browser);
  await signInByHttp(page, demoAdmin.email, demoAdmin.password, '/admin/users');
  const rows = page.locator('table tbody tr');
  await expect(rows).toHaveCount(100);
  await expect(page.getByRole('row', { name: new RegExp(emails[emails.length - 1] ?? '') })).toContainText(
    'Editor, Reviewer',
  );
  const firstPage = await rows.locator('td:nth-child(2)').allTextContents();
  await page.getByRole('link', { name: 'Older users →' }).click();
  await expect(page.getByRole('link', { name: 'Newest users' })).toBeVisible();
  const secondPage = await rows.locator('td:nth-child(2)').allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((email) => firstPage.includes(email))).toEqual([]);
  // Every one of this test's users is on one of the two pages.
  expect(emails.filter((email) => !firstPage.includes(email) && !secondPage.includes(email))).toEqual([]);
  await page.context().close();
});

test('an invitation link lets a new user set their password once', async ({ browser }) => {
  const s = uniqueSuffix();
  const created = await admin.post('/api/v1/users', {
    data: { email: `inv-${s}@e2e.example.org`, name: `Invited ${s}`, roles: ['REVIEWER'] },
  });
  expect(created.status()).toBe(201);
  const { invitationUrl } = (await created.json()) as { invitationUrl: string };
  expect(invitationUrl).toMatch(/^\/set-password\?token=/);

  const page = await newPage(browser);
  await page.goto(invitationUrl);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await page.getByLabel('New password').fill('invited-person-password');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, `inv-${s}@e2e.example.org`, 'invited-person-password');
  await page.goto(invitationUrl);
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
});

test('changing your password ends your sessions; the new password works', async ({ browser }) => {
  const user = await createUser(admin, ['EDITOR']);
  const elsewhere = await newPage(browser);
  await signInByHttp(elsewhere, user.email, user.password);
  const page = await newPage(browser);
  await signInByHttp(page, user.email, user.password, '/account');
  await page.getByLabel('Current password').fill(user.password);
  await page.getByLabel('New password').fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await elsewhere.request.get('/api/v1/me')).status()).toBe(401);
  await signIn(page, user.email, 'a-brand-new-password');
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
});

test('ten failed sign-ins lock the account for a while, in the page and over HTTP', async ({ browser }) => {
  const user = await createUser(admin, ['EDITOR']);
  const page = await newPage(browser);
  for (let i = 0; i < 10; i++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('p[role="alert"]')).toBeVisible();
  }
  // Even the right password is refused now, from another address too.
  const other = await newPage(browser);
  await other.goto('/sign-in');
  await other.getByLabel('Email').fill(user.email);
  await other.getByLabel('Password').fill(user.password);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.locator('p[role="alert"]')).toHaveText(/Too many failed sign-ins/);

  const csrf = (await (await other.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await other.request.post('/api/auth/callback/credentials', {
    form: { email: user.email, password: user.password, csrfToken: csrf.csrfToken },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(429);
  expect(response.headers()['content-type']).toContain('application/problem+json');
});

test('the session cookie is HttpOnly and SameSite=Lax, and a copy of it dies with sign-out', async ({ browser }) => {
  const user = await createUser(admin, ['REVIEWER']);
  const page = await newPage(browser);
  await signIn(page, user.email, user.password);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('authjs.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  const thief = await newPage(browser);
  await thief.context().addCookies(cookies);
  expect((await thief.request.get('/api/v1/me')).status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect((await thief.request.get('/api/v1/me')).status()).toBe(401);
});

test('an admin edits the organisation settings; only http(s) addresses are accepted', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, demoAdmin.email, demoAdmin.password, '/admin/settings');
  const policy = page.getByLabel('Corrections policy page');
  await policy.fill('javascript:alert(1)');
  const name = page.getByLabel('Organisation name');
  const before = await name.inputValue();
  await name.fill(`${before} (edited)`);
  await page.getByRole('button', { name: 'Save settings' }).click();
  // The error is beside its field, which takes the focus; the other edits stay as typed and nothing is saved.
  await expect(page.locator('#field-correctionsPolicyUrl-error')).toHaveText('Enter an http:// or https:// address.');
  await expect(policy).toHaveAttribute('aria-invalid', 'true');
  await expect(policy).toHaveAccessibleDescription(/Enter an http:\/\/ or https:\/\/ address\./);
  await expect(policy).toBeFocused();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(policy).toHaveValue('javascript:alert(1)');
  await expect(name).toHaveValue(`${before} (edited)`);
  expect(((await (await page.request.get('/api/v1/settings')).json()) as { name: string }).name).toBe(before);

  await name.fill(before);
  await policy.fill('https://newsroom.example.org/corrections');
  await page.getByRole('button', { name: 'Save settings' }).click();
  // The save is confirmed in a toast, outside the form.
  await expectToast(page, 'Settings saved.');
  await expect(policy).not.toHaveAttribute('aria-invalid', 'true');
  const settings = (await (await page.request.get('/api/v1/settings')).json()) as { correctionsPolicyUrl: string };
  expect(settings.correctionsPolicyUrl).toBe('https://newsroom.example.org/corrections');
});
