import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  apiAs,
  createUser,
  demoAdmin,
  newPage,
  sameOrigin,
  signInByHttp,
  tokenFor,
  uniqueSuffix,
  type TestUser,
} from './support/accounts';
import { claimVersion } from './support/review';

/**
 * The authorization matrix: every /api/v1 route × every kind of caller, against the real server.
 * A route file without a row here fails the first test, so no new route can skip the matrix.
 */
const actors = ['anonymous', 'editor', 'reviewer', 'admin', 'disabled', 'revoked', 'otherEditor'] as const;
type ActorName = (typeof actors)[number];

interface World {
  admin: APIRequestContext;
  users: Record<'editor' | 'reviewer' | 'otherEditor', TestUser>;
  tokens: Record<ActorName, string | null>;
  /** The editor signed in: only a session creates tokens. */
  editorSession: APIRequestContext;
}

interface Row {
  /** e.g. "GET /api/v1/users/{id}" */
  route: string;
  /** Builds the request; may create what it needs (a fresh object per call). */
  build: (world: World) => Promise<{ path: string; body?: unknown }>;
  expect: Record<ActorName, number>;
}

const signedIn = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: ok,
  reviewer: ok,
  admin: ok,
  disabled: 401,
  revoked: 401,
  otherEditor: ok,
});
const adminOnly = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: 403,
  reviewer: 403,
  admin: ok,
  disabled: 401,
  revoked: 401,
  otherEditor: 403,
});

const editorsOnly = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: ok,
  reviewer: 403,
  admin: 403,
  disabled: 401,
  revoked: 401,
  otherEditor: ok,
});

/** A fresh article with one claim, made by the matrix's editor. */
async function article(world: World): Promise<{ id: string; claimId: string }> {
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  const created = await editorApi.post('/api/v1/articles', {
    data: { format: 'text', body: 'The sky is green. The sea is dry.' },
  });
  const { id } = (await created.json()) as { id: string };
  const claim = await editorApi.post(`/api/v1/articles/${id}/claims`, {
    data: { quote: { exact: 'The sky is green' } },
  });
  const { id: claimId } = (await claim.json()) as { id: string };
  await editorApi.dispose();
  return { id, claimId };
}

/** The demo's latest publication, found the way a tool would: the reader page links its annotations. */
async function demoPublicationId(world: World): Promise<string> {
  const html = await (await world.admin.get('/a/witkoff-putin-security-guarantees-ukraine')).text();
  return /href="\/api\/v1\/publications\/([^/"]+)\/annotations"/.exec(html)?.[1] ?? 'missing';
}

const fullSource = () => ({
  url: `https://example.org/${uniqueSuffix()}`,
  title: 'A report',
  publisher: 'Example',
  publishedAt: '2025-08-17',
  kind: 'news',
});

/** A fresh claim with a rating, a short verdict and one source: ready for review. */
async function completeClaim(world: World): Promise<{ claimId: string; sourceId: string }> {
  const { claimId } = await article(world);
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  const ratings = (await (await editorApi.get('/api/v1/ratings')).json()) as { items: { id: string }[] };
  expect(
    (
      await editorApi.patch(`/api/v1/claims/${claimId}`, {
        data: { baseVersion: 1, rating: ratings.items[0]?.id, shortVerdict: 'It is not.' },
      })
    ).status(),
  ).toBe(200);
  const added = (await (await editorApi.post(`/api/v1/claims/${claimId}/sources`, { data: fullSource() })).json()) as {
    sources: { id: string }[];
  };
  await editorApi.dispose();
  return { claimId, sourceId: added.sources[0]?.id ?? '' };
}

const reviewersOnly = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: 403,
  reviewer: ok,
  admin: 403,
  disabled: 401,
  revoked: 401,
  otherEditor: 403,
});
const commenters = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: ok,
  reviewer: ok,
  admin: 403,
  disabled: 401,
  revoked: 401,
  otherEditor: ok,
});

async function claimInReview(world: World): Promise<string> {
  const { claimId } = await completeClaim(world);
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  expect((await editorApi.post(`/api/v1/claims/${claimId}/submit`)).status()).toBe(200);
  await editorApi.dispose();
  return claimId;
}

async function comment(world: World): Promise<string> {
  const { claimId } = await article(world);
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  const created = (await (
    await editorApi.post(`/api/v1/claims/${claimId}/comments`, { data: { body: 'Check the date.' } })
  ).json()) as { id: string };
  await editorApi.dispose();
  return created.id;
}

/** Two claims the matrix's editor recorded as the same claim. */
async function sameClaims(world: World): Promise<{ claimId: string; otherId: string }> {
  const [{ claimId }, { claimId: otherId }] = [await article(world), await article(world)];
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  await editorApi.post(`/api/v1/claims/${claimId}/same-as`, { data: { claimId: otherId } });
  await editorApi.dispose();
  return { claimId, otherId };
}

async function freshRating(world: World): Promise<string> {
  const created = await world.admin.post('/api/v1/ratings', {
    data: { label: `Matrix ${uniqueSuffix()}`, colour: '#1d4ed8' },
  });
  return ((await created.json()) as { id: string }).id;
}

async function deletedClaim(world: World): Promise<string> {
  const { claimId } = await article(world);
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  expect((await editorApi.delete(`/api/v1/claims/${claimId}`)).status()).toBe(204);
  await editorApi.dispose();
  return claimId;
}

async function sacrificialUser(world: World): Promise<string> {
  return (await createUser(world.admin, ['EDITOR'], 'matrix')).id;
}

const matrix: Row[] = [
  { route: 'GET /api/v1/me', build: async () => ({ path: '/api/v1/me' }), expect: signedIn(200) },
  { route: 'GET /api/v1/tokens', build: async () => ({ path: '/api/v1/tokens' }), expect: signedIn(200) },
  // Every caller here is a bearer token, and a token cannot create tokens (e2e/token-hygiene.spec.ts: a session can).
  {
    route: 'POST /api/v1/tokens',
    build: async () => ({ path: '/api/v1/tokens', body: { name: `matrix ${uniqueSuffix()}` } }),
    expect: { anonymous: 401, editor: 403, reviewer: 403, admin: 403, disabled: 401, revoked: 401, otherEditor: 403 },
  },
  {
    route: 'DELETE /api/v1/tokens/{id}',
    // Always one of the editor's tokens: only the editor may revoke it; to others it does not exist.
    build: async (world) => {
      // The session's request context sends no Origin of its own: a write with the cookie needs this site's.
      const response = await world.editorSession.post('/api/v1/tokens', {
        data: { name: 'to revoke' },
        headers: sameOrigin(),
      });
      expect(response.status()).toBe(201);
      const created = (await response.json()) as { id: string };
      return { path: `/api/v1/tokens/${created.id}` };
    },
    expect: { anonymous: 401, editor: 204, reviewer: 404, admin: 404, disabled: 401, revoked: 401, otherEditor: 404 },
  },
  { route: 'GET /api/v1/users', build: async () => ({ path: '/api/v1/users' }), expect: adminOnly(200) },
  {
    route: 'POST /api/v1/users',
    build: async () => {
      const s = uniqueSuffix();
      return {
        path: '/api/v1/users',
        body: { email: `m-${s}@e2e.example.org`, name: `Matrix ${s}`, roles: ['REVIEWER'] },
      };
    },
    expect: adminOnly(201),
  },
  {
    route: 'GET /api/v1/users/{id}',
    build: async (w) => ({ path: `/api/v1/users/${w.users.editor.id}` }),
    expect: adminOnly(200),
  },
  {
    route: 'PATCH /api/v1/users/{id}',
    build: async (w) => ({ path: `/api/v1/users/${await sacrificialUser(w)}`, body: { name: 'Renamed by matrix' } }),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/v1/users/{id}/password-reset',
    build: async (w) => ({ path: `/api/v1/users/${await sacrificialUser(w)}/password-reset` }),
    expect: adminOnly(201),
  },
  {
    route: 'GET /api/v1/settings',
    build: async () => ({ path: '/api/v1/settings' }),
    // Public, but a credential that is presented must be valid.
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 401, revoked: 401, otherEditor: 200 },
  },
  {
    route: 'PATCH /api/v1/settings',
    build: async () => ({ path: '/api/v1/settings', body: {} }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/v1/articles', build: async () => ({ path: '/api/v1/articles' }), expect: signedIn(200) },
  {
    route: 'POST /api/v1/articles',
    build: async () => ({ path: '/api/v1/articles', body: { format: 'markdown', body: '# Matrix\n\nA *claim*.' } }),
    expect: editorsOnly(201),
  },
  {
    route: 'GET /api/v1/articles/{id}',
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}` }),
    expect: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/articles/{id}',
    build: async (w) => ({
      path: `/api/v1/articles/${(await article(w)).id}`,
      body: { baseVersion: 2, title: 'Renamed' },
    }),
    expect: editorsOnly(200),
  },
  {
    route: 'GET /api/v1/articles/{id}/claims',
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/claims` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/articles/{id}/claims',
    build: async (w) => ({
      path: `/api/v1/articles/${(await article(w)).id}/claims`,
      body: { quote: { exact: 'The sea is dry' } },
    }),
    expect: editorsOnly(201),
  },
  {
    route: 'GET /api/v1/claims/{id}',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}` }),
    expect: signedIn(200),
  },
  {
    route: 'DELETE /api/v1/claims/{id}',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}` }),
    expect: editorsOnly(204),
  },
  {
    route: 'POST /api/v1/claims/{id}/restore',
    build: async (w) => ({ path: `/api/v1/claims/${await deletedClaim(w)}/restore` }),
    expect: editorsOnly(200),
  },
  {
    route: 'PATCH /api/v1/claims/{id}',
    build: async (w) => ({
      path: `/api/v1/claims/${(await article(w)).claimId}`,
      body: { baseVersion: 1, shortVerdict: 'Checked.' },
    }),
    expect: editorsOnly(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/submit',
    build: async (w) => ({ path: `/api/v1/claims/${(await completeClaim(w)).claimId}/submit` }),
    expect: editorsOnly(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/sources',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/sources`, body: fullSource() }),
    expect: editorsOnly(201),
  },
  {
    route: 'PATCH /api/v1/claims/{id}/sources/{sourceId}',
    build: async (w) => {
      const { claimId, sourceId } = await completeClaim(w);
      return { path: `/api/v1/claims/${claimId}/sources/${sourceId}`, body: { excerpt: 'Quoted words.' } };
    },
    expect: editorsOnly(200),
  },
  {
    route: 'DELETE /api/v1/claims/{id}/sources/{sourceId}',
    build: async (w) => {
      const { claimId, sourceId } = await completeClaim(w);
      return { path: `/api/v1/claims/${claimId}/sources/${sourceId}` };
    },
    expect: editorsOnly(204),
  },
  {
    route: 'GET /api/v1/search',
    build: async () => ({ path: '/api/v1/search?q=sky&type=claim' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/claims/{id}/similar',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/similar` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/similar',
    build: async () => ({ path: '/api/v1/similar', body: { text: 'The sky is green' } }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/articles/{id}/suggestions',
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/suggestions` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/imports/claimreview',
    build: async () => ({
      path: '/api/v1/imports/claimreview',
      body: {
        document: {
          '@type': 'ClaimReview',
          url: `https://checks.example/${uniqueSuffix()}`,
          claimReviewed: 'The sky is green',
          reviewRating: { alternateName: 'False' },
        },
      },
    }),
    expect: { anonymous: 401, editor: 201, reviewer: 403, admin: 201, disabled: 401, revoked: 401, otherEditor: 201 },
  },
  {
    route: 'GET /api/v1/claims/{id}/same-as',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/same-as` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/same-as',
    build: async (w) => ({
      path: `/api/v1/claims/${(await article(w)).claimId}/same-as`,
      body: { claimId: (await article(w)).claimId },
    }),
    expect: editorsOnly(201),
  },
  {
    route: 'DELETE /api/v1/claims/{id}/same-as/{otherId}',
    build: async (w) => {
      const { claimId, otherId } = await sameClaims(w);
      return { path: `/api/v1/claims/${claimId}/same-as/${otherId}` };
    },
    expect: editorsOnly(204),
  },
  { route: 'GET /api/v1/sources', build: async () => ({ path: '/api/v1/sources?q=example' }), expect: signedIn(200) },
  {
    route: 'GET /api/v1/ratings',
    build: async () => ({ path: '/api/v1/ratings' }),
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 401, revoked: 401, otherEditor: 200 },
  },
  {
    route: 'POST /api/v1/ratings',
    build: async () => ({
      path: '/api/v1/ratings',
      body: { label: `New ${uniqueSuffix()}`, colour: '#7e22ce', value: null },
    }),
    expect: adminOnly(201),
  },
  {
    route: 'PATCH /api/v1/ratings/{id}',
    build: async (w) => ({ path: `/api/v1/ratings/${await freshRating(w)}`, body: { description: 'Changed.' } }),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/reviews',
    build: async (w) => {
      const id = await claimInReview(w);
      const editorApi = await apiAs(test.info().project.use.baseURL ?? '', w.tokens.editor);
      const version = await claimVersion(editorApi, id);
      await editorApi.dispose();
      return { path: `/api/v1/claims/${id}/reviews`, body: { decision: 'approve', claimVersion: version } };
    },
    expect: reviewersOnly(201),
  },
  {
    route: 'GET /api/v1/review-queue',
    build: async () => ({ path: '/api/v1/review-queue' }),
    expect: reviewersOnly(200),
  },
  {
    route: 'GET /api/v1/claims/{id}/comments',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/comments` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/v1/claims/{id}/comments',
    build: async (w) => ({ path: `/api/v1/claims/${(await article(w)).claimId}/comments`, body: { body: 'Source?' } }),
    expect: commenters(201),
  },
  {
    route: 'PATCH /api/v1/comments/{id}',
    build: async (w) => ({ path: `/api/v1/comments/${await comment(w)}`, body: { resolved: true } }),
    expect: commenters(200),
  },
  { route: 'GET /api/v1/notifications', build: async () => ({ path: '/api/v1/notifications' }), expect: signedIn(200) },
  {
    route: 'POST /api/v1/notifications/read',
    build: async () => ({ path: '/api/v1/notifications/read', body: {} }),
    expect: signedIn(204),
  },
  { route: 'GET /api/v1/audit', build: async () => ({ path: '/api/v1/audit?entity=User' }), expect: adminOnly(200) },
  {
    route: 'GET /api/v1/articles/{id}/history',
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/history` }),
    expect: signedIn(200),
  },
  {
    route: 'PUT /api/v1/articles/{id}/assignment',
    build: async (w) => ({
      path: `/api/v1/articles/${(await article(w)).id}/assignment`,
      body: { factCheckerId: w.users.editor.id, reviewerId: w.users.reviewer.id, dueDate: '2026-12-31' },
    }),
    expect: editorsOnly(200),
  },
  {
    route: 'POST /api/v1/articles/{id}/publications',
    // Nothing approved: an authorized caller gets 422 (what is missing), which proves it passed the authorization layer.
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/publications`, body: {} }),
    expect: editorsOnly(422),
  },
  {
    route: 'GET /api/v1/articles/{id}/publications',
    // Public once published; unpublished articles are 404 to everyone, so drafts are not revealed.
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/publications` }),
    expect: { anonymous: 404, editor: 404, reviewer: 404, admin: 404, disabled: 401, revoked: 401, otherEditor: 404 },
  },
  {
    route: 'POST /api/v1/articles/{id}/retraction',
    // Never published: an authorized caller gets 422 (nothing to retract), past the authorization layer.
    build: async (w) => ({
      path: `/api/v1/articles/${(await article(w)).id}/retraction`,
      body: { reason: 'Testing the matrix.' },
    }),
    expect: editorsOnly(422),
  },
  {
    route: 'GET /api/v1/articles/{id}/claims.csv',
    build: async (w) => ({ path: `/api/v1/articles/${(await article(w)).id}/claims.csv` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/v1/publications/{id}/annotations',
    // Published: public, but a presented token must still be valid.
    build: async (w) => ({ path: `/api/v1/publications/${await demoPublicationId(w)}/annotations` }),
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 401, revoked: 401, otherEditor: 200 },
  },
  {
    route: 'GET /api/v1/claimreview.json',
    build: async () => ({ path: '/api/v1/claimreview.json?limit=5' }),
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 401, revoked: 401, otherEditor: 200 },
  },
  {
    route: 'GET /api/v1/openapi.json',
    build: async () => ({ path: '/api/v1/openapi.json' }),
    expect: { anonymous: 200, editor: 200, reviewer: 200, admin: 200, disabled: 200, revoked: 200, otherEditor: 200 },
  },
];

/** Every "METHOD /api/v1/…" that a route file under app/api/v1 exports. */
function discoverRoutes(): string[] {
  const root = path.join(process.cwd(), 'app', 'api', 'v1');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.tsx?$/.test(entry.name)) {
        const urlPath = `/api/v1/${path.relative(root, dir)}`.replace(/\/$/, '').replace(/\[(\w+)\]/g, '{$1}');
        const source = readFileSync(full, 'utf8');
        for (const m of source.matchAll(
          /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
        )) {
          found.push(`${m[1]} ${urlPath}`);
        }
      }
    }
  };
  walk(root);
  return found.sort();
}

test('every /api/v1 route has a row in the authorization matrix', () => {
  const rows = matrix.map((r) => r.route).sort();
  expect(rows).toEqual(discoverRoutes());
});

test('the benchmark routes do not exist on a server the benchmarks did not start', async ({ request }) => {
  const calls = [
    request.get('/api/bench/constant?size=10'),
    request.get('/api/bench/event-loop'),
    request.post('/api/bench/raw-verdict', { data: { claimId: 'x', baseVersion: 1, shortVerdict: 'x' } }),
  ];
  expect((await Promise.all(calls)).map((r) => r.status())).toEqual([404, 404, 404]);
});

test.describe('authorization matrix', () => {
  test.describe.configure({ mode: 'serial' });
  let world: World;
  let editorPage: Page;

  test.beforeAll(async ({ browser }) => {
    const baseURL = test.info().project.use.baseURL ?? '';
    const adminToken = await tokenFor(demoAdmin.email, demoAdmin.password);
    const admin = await apiAs(baseURL, adminToken.token);
    const editor = await createUser(admin, ['EDITOR']);
    const reviewer = await createUser(admin, ['REVIEWER']);
    const otherEditor = await createUser(admin, ['EDITOR']);
    const disabled = await createUser(admin, ['EDITOR', 'REVIEWER', 'ADMIN']);
    const revokedOwner = await createUser(admin, ['ADMIN']);
    const tokens: Record<ActorName, string | null> = {
      anonymous: null,
      editor: (await tokenFor(editor.email, editor.password)).token,
      reviewer: (await tokenFor(reviewer.email, reviewer.password)).token,
      admin: adminToken.token,
      disabled: (await tokenFor(disabled.email, disabled.password)).token,
      revoked: '',
      otherEditor: (await tokenFor(otherEditor.email, otherEditor.password)).token,
    };
    const revoked = await tokenFor(revokedOwner.email, revokedOwner.password);
    const ownerApi = await apiAs(baseURL, revoked.token);
    expect((await ownerApi.delete(`/api/v1/tokens/${revoked.id}`)).status()).toBe(204);
    tokens.revoked = revoked.token;
    expect((await admin.patch(`/api/v1/users/${disabled.id}`, { data: { disabled: true } })).status()).toBe(200);
    editorPage = await newPage(browser);
    await signInByHttp(editorPage, editor.email, editor.password);
    world = { admin, users: { editor, reviewer, otherEditor }, tokens, editorSession: editorPage.request };
  });
  test.afterAll(async () => {
    await editorPage.context().close();
  });

  for (const row of matrix) {
    test(row.route, async () => {
      const [method, ...rest] = row.route.split(' ');
      expect(rest.join(' ')).toMatch(/^\/api\/v1/);
      const results: Record<string, number> = {};
      for (const actor of actors) {
        const { path: url, body } = await row.build(world);
        const api = await apiAs(test.info().project.use.baseURL ?? '', world.tokens[actor]);
        const response = await api.fetch(url, { method, data: body });
        results[actor] = response.status();
        if (response.status() >= 400) {
          expect(response.headers()['content-type'], `${actor}: ${await response.text()}`).toContain(
            'application/problem+json',
          );
        }
        await api.dispose();
      }
      expect(results).toEqual(row.expect);
    });
  }
});
