import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  appBaseURL,
  createUser,
  newPage,
  newsroom,
  signInByHttp,
  type Newsroom,
  type TestUser,
} from './support/accounts';

// Live collaboration is on unless FACTMARK_COLLAB=0 (lib/env.ts); off, the editor saves through the API.
test.skip(process.env.FACTMARK_COLLAB === '0', 'live collaboration is off (FACTMARK_COLLAB=0)');

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
const stored = async (api: APIRequestContext, id: string) =>
  (await (await api.get(`/api/v1/articles/${id}`)).json()) as StoredArticle;

async function openLive(page: Page, user: TestUser, articleId: string, people = 1): Promise<void> {
  await signInByHttp(page, user.email, user.password, `/articles/${articleId}`);
  await expect(page.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(people);
  await expect(page.locator('.editor-content[contenteditable="true"]')).toBeVisible();
}

interface EditorHandle {
  state: {
    doc: {
      descendants: (f: (node: { isText: boolean; text?: string }, pos: number) => void) => void;
      textBetween: (from: number, to: number) => string;
    };
    selection: { from: number; to: number };
  };
  view: { focus: () => void; hasFocus: () => boolean };
  commands: { setTextSelection: (range: { from: number; to: number }) => boolean };
}

/**
 * Selects words through the editor in one task, with the editor focused in that same task. Dragging
 * (support/editor.ts selectText) sets the DOM selection and ProseMirror reads it a task later, which another person's
 * edit arriving in between may undo; here the words are selected again until the selection holds, as a person would.
 * Tiptap's `focus()` command focuses in the next animation frame: keys typed before it went nowhere (the lost first
 * character of a word typed over a selection), so the view is focused directly and the focus checked.
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
      editor.view.focus();
      editor.commands.setTextSelection({ from, to: from + target.length });
      return {
        words: editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to),
        focused: editor.view.hasFocus(),
      };
    }, words);
    expect(selected).toEqual({ words, focused: true });
  }).toPass({ timeout: 15_000 });
}

/** The article's text in this person's editor (without the hidden claim labels and other people's names). */
const editorText = (page: Page) =>
  page.locator('.editor-content').evaluate((root) => {
    const { editor } = root as HTMLElement & {
      editor: {
        state: {
          doc: { content: { size: number }; textBetween: (from: number, to: number, separator: string) => string };
        };
      };
    };
    return editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n');
  });

/** Types over `words` at Playwright's own speed (no delay between keys), as a fast typist would. */
async function typeOver(page: Page, words: string, text: string): Promise<void> {
  await selectWords(page, words);
  await page.keyboard.type(text);
}

async function markClaim(page: Page, words: string): Promise<void> {
  await selectWords(page, words);
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Mark claim' }).click();
}

test('two editors type in different paragraphs and mark claims at once: both see all of it, no conflict, the API has both claims', async ({
  browser,
}) => {
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Alpha paragraph said prices rose.\n\nBeta paragraph said wages fell.' },
    })
  ).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);
  await expect(ann.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(2);

  // Both type fast at once, then go on typing while the other's characters arrive.
  const annTail = ' in the north, the south and the west of the country';
  const bobTail = ' according to the union, the ministry and the bank';
  await Promise.all([typeOver(ann, 'rose', `rose${annTail}`), typeOver(bob, 'fell', `fell${bobTail}`)]);
  for (const page of [ann, bob]) {
    await expect
      .poll(() => editorText(page), { timeout: 5_000 })
      .toBe(`Alpha paragraph said prices rose${annTail}.\nBeta paragraph said wages fell${bobTail}.`);
  }
  await expect
    .poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 })
    .toBe(`Alpha paragraph said prices rose${annTail}.\nBeta paragraph said wages fell${bobTail}.`);

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
    await expect
      .poll(() => editorText(page), { timeout: 5_000 })
      .toBe(
        `Alpha paragraph said prices rose by ten percent${annTail}.\nBeta paragraph said wages fell for two years${bobTail}.`,
      );
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
  expect((await stored(team.editorApi, article.id)).plainText).toContain(
    `Alpha paragraph said prices rose by ten percent${annTail}.`,
  );
});

test('two editors typing at full speed into the same sentence lose no character', async ({ browser }) => {
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Kappa begins here and kappa ends here.' },
    })
  ).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);
  const annWords = ' quickly typed by the first editor without any pause at all';
  const bobWords = ' typed at the same moment by the second editor, just as fast';
  await Promise.all([typeOver(ann, 'begins', `begins${annWords}`), typeOver(bob, 'ends', `ends${bobWords}`)]);
  const expected = `Kappa begins${annWords} here and kappa ends${bobWords} here.`;
  for (const page of [ann, bob]) await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(expected);
  await expect
    .poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 })
    .toBe(expected);
});

test('an editor who goes offline keeps typing; back online, both texts merge in both editors and in the API', async ({
  browser,
}) => {
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Epsilon paragraph typed online.\n\nZeta paragraph typed offline.' },
    })
  ).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);

  await bob.context().setOffline(true);
  await expect(bob.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await Promise.all([
    typeOver(ann, 'online', 'online while the other was away'),
    typeOver(bob, 'offline', 'offline on a train'),
  ]);
  // Neither sees the other's words while one is away.
  await expect
    .poll(() => editorText(ann))
    .toBe('Epsilon paragraph typed online while the other was away.\nZeta paragraph typed offline.');
  expect(await editorText(bob)).toBe('Epsilon paragraph typed online.\nZeta paragraph typed offline on a train.');

  await bob.context().setOffline(false);
  const merged = 'Epsilon paragraph typed online while the other was away.\nZeta paragraph typed offline on a train.';
  for (const page of [ann, bob]) {
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(merged);
    await expect(page.locator('.conflict')).toHaveCount(0);
  }
  await expect(bob.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await expect.poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 }).toBe(merged);
});

test('text saved through the API while people edit appears in their editor', async ({ browser }) => {
  const created = (await (
    await team.editorApi.post('/api/v1/articles', { data: { format: 'text', body: 'Gamma paragraph before the API.' } })
  ).json()) as { id: string; version: number };
  const page = await newPage(browser);
  await openLive(page, second, created.id);
  const current = (await (await team.editorApi.get(`/api/v1/articles/${created.id}`)).json()) as { version: number };
  const content = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gamma paragraph after the API.' }] }],
  };
  expect(
    (
      await team.editorApi.patch(`/api/v1/articles/${created.id}`, { data: { baseVersion: current.version, content } })
    ).status(),
  ).toBe(200);
  await expect.poll(() => editorText(page)).toBe('Gamma paragraph after the API.');
  // A client still on the old version is refused, as before.
  expect(
    (
      await team.editorApi.patch(`/api/v1/articles/${created.id}`, { data: { baseVersion: current.version, content } })
    ).status(),
  ).toBe(409);
});

test("a reviewer's approval appears in the editor's claim card without a reload", async ({ browser }) => {
  const words = 'exports tripled';
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: `The report says ${words} this decade.` },
    })
  ).json()) as { id: string };
  const claim = (await (
    await team.editorApi.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: words } } })
  ).json()) as { id: string };
  const ratings = (await (await team.editorApi.get('/api/v1/ratings')).json()) as {
    items: { id: string; label: string }[];
  };
  await team.editorApi.patch(`/api/v1/claims/${claim.id}`, {
    data: {
      baseVersion: 1,
      rating: ratings.items.find((r) => r.label === 'False')?.id,
      shortVerdict: 'No: they doubled.',
    },
  });
  await team.editorApi.post(`/api/v1/claims/${claim.id}/sources`, {
    data: {
      url: 'https://stats.example.org/exports',
      title: 'Exports',
      publisher: 'Stats office',
      publishedAt: '2025-05-01',
      kind: 'official-data',
    },
  });
  expect((await team.editorApi.post(`/api/v1/claims/${claim.id}/submit`)).status()).toBe(200);

  const page = await newPage(browser);
  await openLive(page, team.editor, article.id);
  const card = page.locator(`.claim-item[data-claim-id="${claim.id}"]`);
  await expect(card).toContainText('In review');
  const { version } = (await (await team.reviewerApi.get(`/api/v1/claims/${claim.id}`)).json()) as { version: number };
  expect(
    (
      await team.reviewerApi.post(`/api/v1/claims/${claim.id}/reviews`, {
        data: { decision: 'approve', claimVersion: version },
      })
    ).status(),
  ).toBe(201);
  await expect(card).toContainText('Approved');
});

test('who has which claim open shows on its card for the others, in initials and in words', async ({ browser }) => {
  const words = 'imports halved';
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: `The minister says ${words} since May.` },
    })
  ).json()) as { id: string };
  const claim = (await (
    await team.editorApi.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: words } } })
  ).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);
  const card = bob.locator(`.claim-item[data-claim-id="${claim.id}"]`);
  await expect(card.locator('.claim-viewers')).toHaveCount(0);

  await ann.getByRole('button', { name: `Verdict and sources: ${words}` }).click();
  await expect(ann.locator('.claim-panel .claim-quote')).toContainText(words);
  await expect(card.locator('.claim-viewers')).toHaveText(
    `Open now by ${initialsOf(team.editor.name)} ${team.editor.name}`,
  );
  // Bob opens it too: Ann sees him above its details.
  await bob.getByRole('button', { name: `Verdict and sources: ${words}` }).click();
  await expect(ann.getByRole('complementary', { name: 'Claim details' }).locator('.claim-viewers')).toContainText(
    `Also open by ${initialsOf(second.name)} ${second.name}`,
  );
  await expect(bob.getByRole('complementary', { name: 'Claim details' }).locator('.claim-viewers')).toContainText(
    team.editor.name,
  );
  // Closed: gone from the others' screens.
  await ann.getByRole('button', { name: /Back to all claims/ }).click();
  await expect(bob.getByRole('complementary', { name: 'Claim details' }).locator('.claim-viewers')).toHaveCount(0);
});

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

test("a disabled user's live connection is closed", async ({ browser }) => {
  const user = await createUser(team.admin, ['EDITOR']);
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Delta paragraph for the disabled editor.' },
    })
  ).json()) as { id: string };
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

/** The test server's database and secret (playwright.config.ts): a second instance joins them, as in a deployment. */
async function testServerSetup(): Promise<{ databaseUrl: string; authSecret: string }> {
  const dataDir = process.env.E2E_DATA_DIR ?? '.data/e2e';
  const authSecret = (await readFile(path.join(dataDir, 'auth-secret'), 'utf8')).trim();
  if (process.env.E2E_DATABASE_URL) return { databaseUrl: process.env.E2E_DATABASE_URL, authSecret };
  // The embedded PostgreSQL (scripts/lib/embedded-db.ts): its port is the fourth line of its pid file.
  const port = (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[3]?.trim();
  const password = (await readFile(path.join(dataDir, 'postgres-password'), 'utf8')).trim();
  return {
    databaseUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/factmark`,
    authSecret,
  };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

test.describe('two instances', () => {
  // One second instance for these tests, in order: the last one stops it.
  test.describe.configure({ mode: 'serial' });
  let instance: ChildProcess | null = null;
  let secondURL = '';
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const { databaseUrl, authSecret } = await testServerSetup();
    const port = Number(process.env.E2E_SECOND_PORT ?? (await freePort()));
    secondURL = `http://localhost:${port}`;
    instance = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: authSecret,
        FACTMARK_COLLAB: '1',
        FACTMARK_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'factmark-second-')),
        FACTMARK_TRUSTED_PROXY_HOPS: '1',
      },
    });
    await expect
      .poll(
        () =>
          fetch(`${secondURL}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 180_000, intervals: [500] },
      )
      .toBe(200);
  });
  test.afterAll(async () => {
    const child = instance;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  // Each instance saves what its editors typed; a save is made under the article's lock from what is stored then
  // (the other instance's last save among it), so the last one to save does not drop the other's last characters.
  test('two app instances on one database: editors on each see each other type, and the article is saved with both', async ({
    browser,
  }) => {
    const article = (await (
      await team.editorApi.post('/api/v1/articles', {
        data: { format: 'text', body: 'Eta paragraph on the first.\n\nTheta paragraph on the second.' },
      })
    ).json()) as { id: string };
    const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
    await openLive(ann, team.editor, article.id);
    // Sessions are cookies signed with the shared secret: signed in on the first, Bob's browser opens the second.
    await signInByHttp(bob, second.email, second.password);
    expect(secondURL).not.toBe(appBaseURL());
    await bob.goto(`${secondURL}/articles/${article.id}`);
    for (const page of [ann, bob])
      await expect(page.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(2);
    await expect(bob.locator('.editor-content[contenteditable="true"]')).toBeVisible();

    await Promise.all([
      typeOver(ann, 'first', 'first instance, typed fast'),
      typeOver(bob, 'second', 'second instance, typed fast too'),
    ]);
    const merged =
      'Eta paragraph on the first instance, typed fast.\nTheta paragraph on the second instance, typed fast too.';
    for (const page of [ann, bob]) await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(merged);
    await expect
      .poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 })
      .toBe(merged);
  });

  test('an instance that is stopped (SIGTERM) saves the text typed on it before it exits', async ({ browser }) => {
    const article = (await (
      await team.editorApi.post('/api/v1/articles', {
        data: { format: 'text', body: 'Iota paragraph before the stop.' },
      })
    ).json()) as { id: string };
    const bob = await newPage(browser);
    await signInByHttp(bob, second.email, second.password);
    await bob.goto(`${secondURL}/articles/${article.id}`);
    await expect(bob.locator('.editor-content[contenteditable="true"]')).toBeVisible();
    // Typed at the end of the text (typing over a selection is the full-speed proof's); what is proved is the save.
    await bob.locator('.editor-content').click();
    await bob.keyboard.press('Control+End');
    await bob.keyboard.type(' Typed just before.');
    await expect.poll(() => editorText(bob)).toBe('Iota paragraph before the stop. Typed just before.');
    // The server holds the keystrokes (it acknowledged them); what is tested is that the shutdown saves them.
    await expect(bob.locator('.save-status[data-unsynced="0"]')).toBeVisible();
    // Stopped at once, within the save's debounce: only the shutdown saves it (nobody has it open on the first instance).
    const child = instance;
    if (!child) throw new Error('the second instance is not running');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // What the API then reads: the end state, read until it is there (the first instance answers on its own timing).
    await expect
      .poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 })
      .toBe('Iota paragraph before the stop. Typed just before.');
  });
});
