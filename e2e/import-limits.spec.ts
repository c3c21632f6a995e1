import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  apiAs,
  createUser,
  demoAdminApi,
  newPage,
  signInByHttp,
  tokenFor,
  uniqueSuffix,
  type TestUser,
} from './support/accounts';

// Imports past their limits answer 4xx with the field and what to do, and store nothing (issue 14).
let api: APIRequestContext;
let editor: TestUser;

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  editor = await createUser(admin, ['EDITOR']);
  api = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
});

async function titles(): Promise<string[]> {
  const response = await api.get('/api/v1/articles?limit=100');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { title: string }[] }).items.map((a) => a.title);
}

async function problem(body: unknown) {
  const response = await api.post('/api/v1/articles', { data: body, timeout: 120_000 });
  expect(response.headers()['content-type']).toContain('application/problem+json');
  return {
    status: response.status(),
    json: (await response.json()) as { detail: string; errors?: { path: string; message: string }[] },
  };
}

test('the API refuses hostile imports with 4xx problem+json naming the field, and writes nothing', async () => {
  test.setTimeout(300_000);
  const marker = `Hostile ${uniqueSuffix()}`;

  const nested = await problem({ title: `${marker} divs`, format: 'html', body: '<div>'.repeat(20_000) });
  expect(nested.status).toBe(422);
  expect(nested.json.errors?.[0]).toMatchObject({ path: 'body', message: expect.stringMatching(/plain text/) });

  const many = await problem({ title: `${marker} many`, format: 'html', body: '<i>x</i>'.repeat(70_000) });
  expect(many.status).toBe(422);
  expect(many.json.detail).toMatch(/Split the article/);

  const nul = await problem({ title: `${marker}\u0000`, format: 'text', body: 'Words.' });
  expect(nul.status).toBe(400);
  expect(nul.json.errors?.[0]?.path).toBe('title');

  const long = await problem({ title: `${marker} ${'x'.repeat(300)}`, format: 'text', body: 'Words.' });
  expect(long.status).toBe(400);
  expect(long.json.errors?.[0]).toMatchObject({ path: 'title', message: 'Use at most 300 characters.' });

  expect((await titles()).filter((t) => t.startsWith(marker))).toEqual([]);

  // Markdown quotes nested thousands deep are flattened, not a crash.
  const deep = await api.post('/api/v1/articles', {
    data: { title: `${marker} quotes`, format: 'markdown', body: `${'> '.repeat(5000)}deep words` },
    timeout: 120_000,
  });
  expect(deep.status()).toBe(201);
  expect(((await deep.json()) as { plainText: string }).plainText).toBe('deep words');
});

test('the upload form says beside the field when a file is damaged, too large or its title too long, and creates nothing', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const marker = `Upload ${uniqueSuffix()}`;
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/articles/new?from=upload');
  const file = page.getByLabel('File (.txt, .md, .html or .docx)');
  const upload = page.getByRole('button', { name: 'Upload article' });

  await file.setInputFiles({
    name: 'report.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from('PK\u0003\u0004 not really a zip'),
  });
  await page.locator('#upload-title').fill(`${marker} docx`);
  await upload.click();
  await expect(page.locator('#upload-file-error')).toHaveText('This file is not a readable .docx.', {
    timeout: 120_000,
  });

  await file.setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(8 * 1024 * 1024 + 1, 'a') });
  await upload.click();
  await expect(page.locator('#upload-file-error')).toHaveText(
    'The file is larger than 8 MB. Split the article into parts.',
  );

  await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Some words.') });
  await page.locator('#upload-title').fill(`${marker} ${'x'.repeat(300)}`);
  await upload.click();
  await expect(page.locator('#upload-title-error')).toHaveText('Use at most 300 characters.', { timeout: 60_000 });

  expect((await titles()).filter((t) => t.startsWith(marker))).toEqual([]);
});
