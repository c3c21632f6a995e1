import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { newPage, newsroom, sameOrigin, signInByHttp, type Newsroom } from './support/accounts';

/**
 * Inputs an attacker sends on purpose (issue 14): each is answered with a 4xx — problem+json naming the
 * field under /api — or the form's own answer, never a 500, and nothing is written.
 */
// A busy machine makes the newsroom set-up (three sign-ins) slow: the budget is generous.
test.describe.configure({ mode: 'default', timeout: 120_000 });

let team: Newsroom;
let editorPage: Page;
let articleId: string;
let claimId: string;
let commentId: string;

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** As JSON text: serialising thousands of nested objects would overflow this process's own stack. */
const nestedQuotesJson = (levels: number) =>
  `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(levels)}{"type":"paragraph"}${']}'.repeat(levels)}]}`;
const nestedQuotes = (levels: number) => {
  let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'Deep.' }] };
  for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
};

async function expectProblem(response: APIResponse, status: number, path: string | RegExp) {
  const text = await response.text();
  expect(response.status(), text.slice(0, 300)).toBe(status);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  const paths = ((JSON.parse(text) as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
  expect(
    paths.some((p) => (typeof path === 'string' ? p === path : path.test(p))),
    `${path} in ${paths.join(', ')}`,
  ).toBe(true);
}

const article = async () =>
  (await (await team.editorApi.get(`/api/v1/articles/${articleId}`)).json()) as {
    version: number;
    title: string;
    claims: unknown[];
  };
const claim = async () =>
  (await (await team.editorApi.get(`/api/v1/claims/${claimId}`)).json()) as { version: number; explanation: unknown };

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(180_000);
  team = await newsroom();
  const created = await team.editorApi.post('/api/v1/articles', {
    data: { format: 'text', body: 'The river rose 😀 by two metres in one night, the mayor said.' },
  });
  expect(created.status()).toBe(201);
  articleId = ((await created.json()) as { id: string }).id;
  const marked = await team.editorApi.post(`/api/v1/articles/${articleId}/claims`, {
    data: { quote: { exact: 'by two metres' } },
  });
  expect(marked.status()).toBe(201);
  claimId = ((await marked.json()) as { id: string }).id;
  // The reviewer's comment also gives the editor an unread notification (the inbox's "mark all read" form).
  const comment = await team.reviewerApi.post(`/api/v1/claims/${claimId}/comments`, { data: { body: 'Which gauge?' } });
  expect(comment.status()).toBe(201);
  commentId = ((await comment.json()) as { id: string }).id;
  editorPage = await newPage(browser);
  await signInByHttp(editorPage, team.editor.email, team.editor.password);
});

test.afterAll(async () => {
  await editorPage?.context().close();
});

test('JSON nested thousands deep is a 400 naming the field, and the article and claim are unchanged', async () => {
  const before = await article();
  const patch = (path: string, body: string) =>
    team.editorApi.patch(path, { data: body, headers: { 'Content-Type': 'application/json' } });
  await expectProblem(
    await patch(`/api/v1/articles/${articleId}`, `{"baseVersion":${before.version},"title":${nestedArrays(5000)}}`),
    400,
    /^title(\.0)+$/,
  );
  await expectProblem(
    await patch(
      `/api/v1/articles/${articleId}`,
      `{"baseVersion":${before.version},"content":${nestedQuotesJson(5000)}}`,
    ),
    400,
    /^content\./,
  );
  // Within the body's depth but deeper than any document the editor makes: the schema check refuses it.
  await expectProblem(
    await patch(
      `/api/v1/articles/${articleId}`,
      JSON.stringify({ baseVersion: before.version, content: nestedQuotes(29) }),
    ),
    400,
    'content',
  );
  const claimBefore = await claim();
  await expectProblem(
    await patch(
      `/api/v1/claims/${claimId}`,
      `{"baseVersion":${claimBefore.version},"explanation":${nestedQuotesJson(5000)}}`,
    ),
    400,
    /^explanation\./,
  );
  await expectProblem(
    await patch(
      `/api/v1/claims/${claimId}`,
      JSON.stringify({ baseVersion: claimBefore.version, explanation: nestedQuotes(29) }),
    ),
    400,
    'explanation',
  );
  expect((await article()).version).toBe(before.version);
  expect(await claim()).toEqual(claimBefore);
  // What the editor makes (a quote in a quote in a list) still saves.
  const fine = await patch(
    `/api/v1/articles/${articleId}`,
    JSON.stringify({ baseVersion: before.version, title: before.title }),
  );
  expect(fine.status()).toBe(200);
});

test('integers past PostgreSQL int4 are a 400 naming the field', async () => {
  const before = await article();
  await expectProblem(
    await team.editorApi.patch(`/api/v1/articles/${articleId}`, { data: { baseVersion: 2 ** 31, title: 'Overflow' } }),
    400,
    'baseVersion',
  );
  await expectProblem(
    await team.editorApi.patch(`/api/v1/claims/${claimId}`, {
      data: { baseVersion: 2 ** 53, shortVerdict: 'Overflow' },
    }),
    400,
    'baseVersion',
  );
  await expectProblem(
    await team.editorApi.post(`/api/v1/articles/${articleId}/claims`, {
      data: { position: { start: 2 ** 31, end: 2 ** 31 + 1 } },
    }),
    400,
    'position.start',
  );
  await expectProblem(await team.editorApi.get('/api/v1/articles?limit=2147483648'), 400, 'query.limit');
  const after = await article();
  expect(after.version).toBe(before.version);
  expect(after.title).toBe(before.title);
  expect(after.claims).toHaveLength(before.claims.length);
});

test('dates outside the years every layer can store are a 400 naming the field', async () => {
  for (const query of ['from=0000-01-01', 'to=9999-12-31T23:00:00-05:00', 'from=-000001-01-01']) {
    await expectProblem(await team.admin.get(`/api/v1/audit?${query}`), 400, `query.${query.split('=')[0]}`);
  }
  expect((await team.admin.get('/api/v1/audit?from=2020-01-01&to=9999-12-31')).status()).toBe(200);
  const before = await claim();
  await expectProblem(
    await team.editorApi.patch(`/api/v1/claims/${claimId}`, {
      data: { baseVersion: before.version, claimDate: '0000-01-01' },
    }),
    400,
    'claimDate',
  );
  expect((await claim()).version).toBe(before.version);
});

test('the audit page shows invalid dates as ignored filters, not a 500', async ({ browser }) => {
  const page = await newPage(browser);
  await signInByHttp(page, 'admin@example.org', 'demo-admin-password', '/admin/audit');
  const response = await page.goto('/admin/audit?from=0000-01-01');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Some filters were not valid and were ignored.')).toBeVisible();
  await page.context().close();
});

test('a claim position inside a surrogate pair is a 422 naming position.start or position.end', async () => {
  const before = await article();
  const emoji = 'The river rose '.length; // 😀 takes offsets 15 and 16
  await expectProblem(
    await team.editorApi.post(`/api/v1/articles/${articleId}/claims`, {
      data: { position: { start: emoji + 1, end: emoji + 10 } },
    }),
    422,
    'position.start',
  );
  await expectProblem(
    await team.editorApi.post(`/api/v1/articles/${articleId}/claims`, {
      data: { position: { start: 4, end: emoji + 1 } },
    }),
    422,
    'position.end',
  );
  expect((await article()).claims).toHaveLength(before.claims.length);
  // The whole emoji is fine.
  expect(
    (
      await team.editorApi.post(`/api/v1/articles/${articleId}/claims`, {
        data: { position: { start: 4, end: emoji + 2 } },
      })
    ).status(),
  ).toBe(201);
});

test('malformed %-escapes and NUL in addresses are 4xx on reader, staff and API routes', async ({ request }) => {
  const paths = [
    '/a/%00',
    '/a/%00abc',
    '/a/%E0%A4%A',
    '/a/%',
    '/a/x/v/%00',
    '/a/x/v/%',
    '/a/%ED%A0%80',
    '/a/%00/versions',
    '/a/%/diff?from=1&to=2',
    '/a/x/claims/%',
    '/a/%00/embed',
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
  }
  for (const path of [
    '/articles/%00',
    '/articles/%',
    '/review/%00',
    '/review/%',
    '/articles/%00/history',
    `/review?article=%00`,
  ]) {
    const response = await editorPage.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
  await expectProblem(await team.editorApi.get('/api/v1/articles/%'), 400, 'path');
  await expectProblem(await team.editorApi.get('/api/v1/claims/%00'), 400, 'path');
  await expectProblem(await team.editorApi.get('/api/v1/sources?q=%00'), 400, 'query.q');
});

test('long addresses with a session cookie are answered at once: 431 past the header limit', async () => {
  const started = Date.now();
  const long = await editorPage.request.get(`/dashboard?q=${'x'.repeat(20_000)}`, { maxRedirects: 0 });
  expect(long.status()).toBe(431);
  const medium = await editorPage.request.get(`/dashboard?q=${'x'.repeat(9_000)}`, { maxRedirects: 0 });
  expect(medium.status()).toBe(200);
  expect(Date.now() - started).toBeLessThan(10_000);
});

interface ServerAction {
  id: string;
  name: string;
  /** A page that carries the action (where a browser posts it). */
  page: string;
}

/** Every server action of the build the server runs, from Next's own manifest, with a page to post it to. */
function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => !w.includes('_not-found')) ?? 'app/page';
    const page =
      worker
        .replace(/^app/, '')
        .replace(/\/page$/, '')
        .replace('[id]', articleId)
        .replace('[claimId]', claimId) || '/';
    return { id, name: entry.exportedName, page };
  });
}

function actionNamed(name: string): ServerAction {
  const found = serverActions().find((a) => a.name === name);
  if (!found) throw new Error(`No server action ${name} in the build.`);
  return found;
}

/** Calls a server action as a client may: with any arguments (React's reply encoding) or with any form fields. */
function callAction(
  client: APIRequestContext,
  path: string,
  id: string,
  call: { args: unknown[] } | { fields: Record<string, string> },
) {
  if ('args' in call) {
    return client.post(path, {
      headers: {
        'Next-Action': id,
        ...sameOrigin(),
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
      },
      data: JSON.stringify(call.args),
      maxRedirects: 0,
    });
  }
  return client.post(path, {
    headers: sameOrigin(),
    multipart: { [`$ACTION_ID_${id}`]: '', ...call.fields },
    maxRedirects: 0,
  });
}

const hostileArgs: unknown[][] = [[], ['not a form'], [42], [null], [{ id: 'x' }], [[1, 2, 3]], ['\u0000']];
const hostileIds = ['', '\u0000', 'x'.repeat(100_000), 'no-such-id', '../../etc', '💥'];

test('server actions given bad arguments answer without a 500 and write nothing', async ({ request }) => {
  const listTokens = async () =>
    ((await (await editorPage.request.get('/api/v1/tokens')).json()) as { items: { id: string }[] }).items
      .map((t) => t.id)
      .sort();
  // A write with the session cookie needs this site's Origin; the page's request context sends none of its own.
  const created = await editorPage.request.post('/api/v1/tokens', { data: { name: 'kept' }, headers: sameOrigin() });
  expect(created.status()).toBe(201);
  const tokensBefore = await listTokens();
  const revoke = actionNamed('revokeTokenAction').id;
  for (const args of hostileArgs)
    expect(
      (await callAction(editorPage.request, '/account', revoke, { args })).status(),
      JSON.stringify(args),
    ).toBeLessThan(500);
  for (const id of hostileIds)
    expect(
      (await callAction(editorPage.request, '/account', revoke, { fields: { id } })).status(),
      id.slice(0, 20),
    ).toBeLessThan(500);
  expect(await listTokens()).toEqual(tokensBefore);

  const comments = async () =>
    (
      (await (await team.editorApi.get(`/api/v1/claims/${claimId}/comments`)).json()) as {
        items: { id: string; resolved: boolean }[];
      }
    ).items;
  const resolve = actionNamed('resolveCommentAction').id;
  for (const args of hostileArgs)
    expect((await callAction(editorPage.request, `/review/${claimId}`, resolve, { args })).status()).toBeLessThan(500);
  for (const id of hostileIds) {
    const response = await callAction(editorPage.request, `/review/${claimId}`, resolve, {
      fields: { id, claimId, resolved: 'true' },
    });
    expect(response.status(), id.slice(0, 20)).toBeLessThan(500);
  }
  expect(
    (
      await callAction(editorPage.request, `/review/${claimId}`, resolve, {
        fields: { id: commentId, claimId: '\u0000', resolved: 'yes' },
      })
    ).status(),
  ).toBeLessThan(500);
  expect((await comments()).find((c) => c.id === commentId)?.resolved).toBe(false);

  const unread = async () =>
    ((await (await team.editorApi.get('/api/v1/notifications')).json()) as { unread: number }).unread;
  const unreadBefore = await unread();
  expect(unreadBefore).toBeGreaterThan(0);
  const markAll = actionNamed('markAllReadAction').id;
  // Anyone may post to an action: without a session nothing is marked, and the answer is not a 500.
  for (const args of hostileArgs)
    expect((await callAction(request, '/inbox', markAll, { args })).status()).toBeLessThan(500);
  expect((await callAction(request, '/inbox', markAll, { fields: {} })).status()).toBeLessThan(500);
  expect(await unread()).toBe(unreadBefore);
});

// Signing out would end the editor's session the other tests use.
const notCalledSignedIn = new Set(['signOutAction']);

test('every server action answers arguments that are not its form without a 500', async ({ request }) => {
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(15);
  for (const action of actions) {
    const clients: [string, APIRequestContext][] = [['anonymous', request]];
    if (!notCalledSignedIn.has(action.name)) clients.push(['editor', editorPage.request]);
    for (const [who, client] of clients) {
      for (const args of [...hostileArgs, [{ status: 'idle' }, 'not a form'], [{ status: 'idle' }, { get: 1 }]]) {
        const response = await callAction(client, action.page, action.id, { args });
        expect
          .soft(
            response.status(),
            `${action.name} as ${who} with ${JSON.stringify(args)}: ${(await response.text()).slice(0, 200)}`,
          )
          .toBeLessThan(500);
      }
    }
  }
});

test('form actions with a message say so for a non-form argument', async () => {
  const createToken = actionNamed('createTokenAction');
  const response = await callAction(editorPage.request, createToken.page, createToken.id, {
    args: [{ status: 'idle' }, 'not a form'],
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('The form could not be read');
});
