import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createUser, newPage, newsroom, signInByHttp, type Newsroom, type TestUser } from './support/accounts';

// Live collaboration is switched on by FACTMARK_COLLAB=1 on the server (lib/env.ts); off, the editor saves through the API.
test.skip(process.env.FACTMARK_COLLAB !== '1', 'live collaboration is off (FACTMARK_COLLAB=1 switches it on)');

let team: Newsroom;
let second: TestUser;
test.beforeAll(async () => {
  team = await newsroom();
  second = await createUser(team.admin, ['EDITOR']);
});

interface StoredArticle {
  plainText: string;
  claims: { id: string; status: string; quote: { exact: string }; position: { start: number; end: number } }[];
}
const stored = async (api: APIRequestContext, id: string) => (await (await api.get(`/api/v1/articles/${id}`)).json()) as StoredArticle;

async function openLive(page: Page, user: TestUser, articleId: string, people = 1): Promise<void> {
  await signInByHttp(page, user.email, user.password, `/articles/${articleId}`);
  await expect(page.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(people);
  await expect(page.locator('.editor-content[contenteditable="true"]')).toBeVisible();
}

interface EditorHandle {
  state: { doc: { descendants: (f: (node: { isText: boolean; text?: string }, pos: number) => void) => void; textBetween: (from: number, to: number) => string }; selection: { from: number; to: number } };
  chain: () => { focus: () => { setTextSelection: (range: { from: number; to: number }) => { run: () => boolean } } };
}

/**
 * Selects words through the editor in one task. Dragging (support/editor.ts selectText) sets the DOM selection and
 * ProseMirror reads it a task later, which another person's edit arriving in between may undo; here the words are
 * selected again until the selection holds, as a person would.
 */
async function selectWords(page: Page, words: string): Promise<void> {
  await expect(async () => {
    const selected = await page.locator('.editor-content').evaluate((root, target) => {
      const { editor } = root as HTMLElement & { editor: EditorHandle };
      let from = -1;
      editor.state.doc.descendants((node, pos) => {
        const index = from < 0 && node.isText ? (node.text ?? '').indexOf(target) : -1;
        if (index >= 0) from = pos + index;
      });
      if (from < 0) return null;
      editor.chain().focus().setTextSelection({ from, to: from + target.length }).run();
      return editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to);
    }, words);
    expect(selected).toBe(words);
  }).toPass({ timeout: 15_000 });
}

/** The article's text in this person's editor (without the hidden claim labels and other people's names). */
const editorText = (page: Page) =>
  page.locator('.editor-content').evaluate((root) => {
    const { editor } = root as HTMLElement & { editor: { state: { doc: { content: { size: number }; textBetween: (from: number, to: number, separator: string) => string } } } };
    return editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n');
  });

async function typeOver(page: Page, words: string, text: string): Promise<void> {
  await selectWords(page, words);
  await page.keyboard.type(text, { delay: 40 });
}

async function markClaim(page: Page, words: string): Promise<void> {
  await selectWords(page, words);
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Mark claim' }).click();
}

test('two editors type in different paragraphs and mark claims at once: both see all of it, no conflict, the API has both claims', async ({ browser }) => {
  const article = (await (await team.editorApi.post('/api/v1/articles', { data: { format: 'text', body: 'Alpha paragraph said prices rose.\n\nBeta paragraph said wages fell.' } })).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);
  await expect(ann.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(2);

  await Promise.all([
    (async () => {
      await typeOver(ann, 'rose', 'rose by ten percent');
      await markClaim(ann, 'prices rose by ten percent');
    })(),
    (async () => {
      await typeOver(bob, 'fell', 'fell for two years');
      await markClaim(bob, 'wages fell for two years');
    })(),
  ]);

  for (const page of [ann, bob]) {
    await expect.poll(() => editorText(page), { timeout: 5_000 }).toBe('Alpha paragraph said prices rose by ten percent.\nBeta paragraph said wages fell for two years.');
    await expect(page.getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')).toHaveCount(2);
    await expect(page.locator('.conflict')).toHaveCount(0);
  }

  await expect
    .poll(async () => {
      const { plainText, claims } = await stored(team.editorApi, article.id);
      return claims.map((c) => [c.quote.exact, plainText.slice(c.position.start, c.position.end)]).sort();
    })
    .toEqual([
      ['prices rose by ten percent', 'prices rose by ten percent'],
      ['wages fell for two years', 'wages fell for two years'],
    ]);
  expect((await stored(team.editorApi, article.id)).plainText).toContain('Alpha paragraph said prices rose by ten percent.');
});

test('text saved through the API while people edit appears in their editor', async ({ browser }) => {
  const created = (await (await team.editorApi.post('/api/v1/articles', { data: { format: 'text', body: 'Gamma paragraph before the API.' } })).json()) as { id: string; version: number };
  const page = await newPage(browser);
  await openLive(page, second, created.id);
  const current = (await (await team.editorApi.get(`/api/v1/articles/${created.id}`)).json()) as { version: number };
  const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gamma paragraph after the API.' }] }] };
  expect((await team.editorApi.patch(`/api/v1/articles/${created.id}`, { data: { baseVersion: current.version, content } })).status()).toBe(200);
  await expect.poll(() => editorText(page)).toBe('Gamma paragraph after the API.');
  // A client still on the old version is refused, as before.
  expect((await team.editorApi.patch(`/api/v1/articles/${created.id}`, { data: { baseVersion: current.version, content } })).status()).toBe(409);
});

test("a reviewer's approval appears in the editor's claim card without a reload", async ({ browser }) => {
  const words = 'exports tripled';
  const article = (await (await team.editorApi.post('/api/v1/articles', { data: { format: 'text', body: `The report says ${words} this decade.` } })).json()) as { id: string };
  const claim = (await (await team.editorApi.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: words } } })).json()) as { id: string };
  const ratings = (await (await team.editorApi.get('/api/v1/ratings')).json()) as { items: { id: string; label: string }[] };
  await team.editorApi.patch(`/api/v1/claims/${claim.id}`, { data: { baseVersion: 1, rating: ratings.items.find((r) => r.label === 'False')?.id, shortVerdict: 'No: they doubled.' } });
  await team.editorApi.post(`/api/v1/claims/${claim.id}/sources`, { data: { url: 'https://stats.example.org/exports', title: 'Exports', publisher: 'Stats office', publishedAt: '2025-05-01', kind: 'official-data' } });
  expect((await team.editorApi.post(`/api/v1/claims/${claim.id}/submit`)).status()).toBe(200);

  const page = await newPage(browser);
  await openLive(page, team.editor, article.id);
  const card = page.locator(`.claim-item[data-claim-id="${claim.id}"]`);
  await expect(card).toContainText('In review');
  const { version } = (await (await team.reviewerApi.get(`/api/v1/claims/${claim.id}`)).json()) as { version: number };
  expect((await team.reviewerApi.post(`/api/v1/claims/${claim.id}/reviews`, { data: { decision: 'approve', claimVersion: version } })).status()).toBe(201);
  await expect(card).toContainText('Approved');
});

test("a disabled user's live connection is closed", async ({ browser }) => {
  const user = await createUser(team.admin, ['EDITOR']);
  const article = (await (await team.editorApi.post('/api/v1/articles', { data: { format: 'text', body: 'Delta paragraph for the disabled editor.' } })).json()) as { id: string };
  const page = await newPage(browser);
  const closed: string[] = [];
  page.on('websocket', (ws) => {
    if (ws.url().endsWith('/collab')) ws.on('close', () => closed.push(ws.url()));
  });
  await openLive(page, user, article.id);
  expect(closed).toEqual([]);
  expect((await team.admin.patch(`/api/v1/users/${user.id}`, { data: { disabled: true } })).status()).toBe(200);
  await expect.poll(() => closed.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
});
