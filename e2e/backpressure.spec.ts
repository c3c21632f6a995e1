import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, newPage, signInByHttp, tokenFor, type TestUser } from './support/accounts';
import { expectSaved } from './support/editor';

let editor: TestUser;
let editorApi: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  editor = await createUser(admin, ['EDITOR']);
  editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
});

test('a busy server (503) makes autosave retry on its own: the title is kept, shown as retrying, then saved', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const created = await editorApi.post('/api/v1/articles', {
    data: { format: 'text', title: 'Busy', body: 'Written during the rush.' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password);
  await page.goto(`/articles/${id}`);
  await expect(page.locator('.editor-content')).toContainText('Written during the rush.');

  // The server's answer when its connection pool stays exhausted past the bounded wait, for the first two saves.
  // (The text itself is saved by live collaboration; the title still goes through PATCH.)
  let refused = 0;
  await page.route(`**/api/v1/articles/${id}`, async (route) => {
    if (route.request().method() !== 'PATCH' || refused >= 2) return route.continue();
    refused++;
    await route.fulfill({
      status: 503,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
      body: JSON.stringify({
        type: 'https://factmark.org/problems/503',
        title: 'Service unavailable',
        status: 503,
        detail: 'The server is busy.',
      }),
    });
  });

  await page.getByRole('textbox', { name: 'Title' }).fill('Busy hour');
  const status = page.locator('.save-status');
  await expect(status).toHaveAttribute('data-state', 'retrying');
  await expect(status).toContainText('Server busy: retrying');
  await expect(status).not.toContainText('Not saved');
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Busy hour');
  await expectSaved(page);
  expect(refused).toBe(2);
  const stored = (await (await editorApi.get(`/api/v1/articles/${id}`)).json()) as { title: string; plainText: string };
  expect(stored.title).toBe('Busy hour');
  expect(stored.plainText).toBe('Written during the rush.');
});
