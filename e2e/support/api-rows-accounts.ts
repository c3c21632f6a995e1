import { expect } from '@playwright/test';
import { sameOrigin, uniqueSuffix } from './accounts';
import { adminOnly, article, editorsOnly, sacrificialUser, signedIn, type Row } from './api-matrix';

/** The API matrix's rows for tokens, users, settings and articles. */
export const accountRows: Row[] = [
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
];
