import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, createUser, demoAdmin, newPage, signInByHttp, tokenFor, uniqueSuffix, type TestUser } from './accounts';

/**
 * The authorization matrix: every /api/v1 route × every kind of caller, against the real server.
 * A route file without a row here fails the first test, so no new route can skip the matrix.
 */
export const actors = ['anonymous', 'editor', 'reviewer', 'admin', 'disabled', 'revoked', 'otherEditor'] as const;
export type ActorName = (typeof actors)[number];

export interface World {
  admin: APIRequestContext;
  users: Record<'editor' | 'reviewer' | 'otherEditor', TestUser>;
  tokens: Record<ActorName, string | null>;
  /** The editor signed in: only a session creates tokens. */
  editorSession: APIRequestContext;
}

export interface Row {
  /** e.g. "GET /api/v1/users/{id}" */
  route: string;
  /** Builds the request; may create what it needs (a fresh object per call). */
  build: (world: World) => Promise<{ path: string; body?: unknown }>;
  expect: Record<ActorName, number>;
}

export const signedIn = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: ok,
  reviewer: ok,
  admin: ok,
  disabled: 401,
  revoked: 401,
  otherEditor: ok,
});
export const adminOnly = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: 403,
  reviewer: 403,
  admin: ok,
  disabled: 401,
  revoked: 401,
  otherEditor: 403,
});

export const editorsOnly = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: ok,
  reviewer: 403,
  admin: 403,
  disabled: 401,
  revoked: 401,
  otherEditor: ok,
});

/** A fresh article with one claim, made by the matrix's editor. */
export async function article(world: World): Promise<{ id: string; claimId: string }> {
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
export async function demoPublicationId(world: World): Promise<string> {
  const html = await (await world.admin.get('/a/witkoff-putin-security-guarantees-ukraine')).text();
  return /href="\/api\/v1\/publications\/([^/"]+)\/annotations"/.exec(html)?.[1] ?? 'missing';
}

export const fullSource = () => ({
  url: `https://example.org/${uniqueSuffix()}`,
  title: 'A report',
  publisher: 'Example',
  publishedAt: '2025-08-17',
  kind: 'news',
});

/** A fresh claim with a rating, a short verdict and one source: ready for review. */
export async function completeClaim(world: World): Promise<{ claimId: string; sourceId: string }> {
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

export const reviewersOnly = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: 403,
  reviewer: ok,
  admin: 403,
  disabled: 401,
  revoked: 401,
  otherEditor: 403,
});
export const commenters = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  editor: ok,
  reviewer: ok,
  admin: 403,
  disabled: 401,
  revoked: 401,
  otherEditor: ok,
});

export async function claimInReview(world: World): Promise<string> {
  const { claimId } = await completeClaim(world);
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  expect((await editorApi.post(`/api/v1/claims/${claimId}/submit`)).status()).toBe(200);
  await editorApi.dispose();
  return claimId;
}

export async function comment(world: World): Promise<string> {
  const { claimId } = await article(world);
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  const created = (await (
    await editorApi.post(`/api/v1/claims/${claimId}/comments`, { data: { body: 'Check the date.' } })
  ).json()) as { id: string };
  await editorApi.dispose();
  return created.id;
}

/** Two claims the matrix's editor recorded as the same claim. */
export async function sameClaims(world: World): Promise<{ claimId: string; otherId: string }> {
  const [{ claimId }, { claimId: otherId }] = [await article(world), await article(world)];
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  await editorApi.post(`/api/v1/claims/${claimId}/same-as`, { data: { claimId: otherId } });
  await editorApi.dispose();
  return { claimId, otherId };
}

export async function freshRating(world: World): Promise<string> {
  const created = await world.admin.post('/api/v1/ratings', {
    data: { label: `Matrix ${uniqueSuffix()}`, colour: '#1d4ed8' },
  });
  return ((await created.json()) as { id: string }).id;
}

export async function deletedClaim(world: World): Promise<string> {
  const { claimId } = await article(world);
  const editorApi = await apiAs(test.info().project.use.baseURL ?? '', world.tokens.editor);
  expect((await editorApi.delete(`/api/v1/claims/${claimId}`)).status()).toBe(204);
  await editorApi.dispose();
  return claimId;
}

export async function sacrificialUser(world: World): Promise<string> {
  return (await createUser(world.admin, ['EDITOR'], 'matrix')).id;
}

/** Every "METHOD /api/v1/…" that a route file under app/api/v1 exports. */
export function discoverRoutes(): string[] {
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

/** The rows as one serial group of tests, each caller a bearer token of a world of its own. */
export function describeApiMatrix(rows: Row[]): void {
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

    for (const row of rows) {
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
}
