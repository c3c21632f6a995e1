import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, demoAdmin, tokenFor } from './support/accounts';

let admin: APIRequestContext;
let token: string;

test.beforeAll(async () => {
  token = (await tokenFor(demoAdmin.email, demoAdmin.password)).token;
  admin = await apiAs(test.info().project.use.baseURL ?? '', token);
});

async function expectProblem(responsePromise: ReturnType<APIRequestContext['post']>, status: number, path?: string) {
  const response = await responsePromise;
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  const body = (await response.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { path: string; message: string }[];
  };
  expect(body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  if (path) expect(body.errors?.map((e) => e.path)).toContain(path);
  return body;
}

test('malformed JSON is a 400 problem, not a 500', async () => {
  await expectProblem(
    admin.post('/api/v1/users', { data: '{"email": ', headers: { 'Content-Type': 'application/json' } }),
    400,
    '(body)',
  );
});

test('wrong types and unknown fields are named in the problem', async () => {
  const wrongType = await expectProblem(
    admin.post('/api/v1/users', { data: { email: 42, name: 'X', roles: ['EDITOR'] } }),
    400,
    'email',
  );
  expect(wrongType.errors?.find((e) => e.path === 'email')?.message).toBeTruthy();
  await expectProblem(
    admin.post('/api/v1/users', { data: { email: 'a@b.org', name: 'X', roles: ['EDITOR'], isRoot: true } }),
    400,
    'isRoot',
  );
  await expectProblem(
    admin.post('/api/v1/users', { data: { email: 'a@b.org', name: 'X', roles: ['OWNER'] } }),
    400,
    'roles.0',
  );
  await expectProblem(
    admin.post('/api/v1/users', { data: { email: 'a@b.org', name: 'X', roles: ['EDITOR'], password: 'short' } }),
    400,
    'password',
  );
  await expectProblem(admin.post('/api/v1/tokens', { data: {} }), 400, 'name');
});

test('a body that is not JSON is refused with the reason', async () => {
  await expectProblem(
    admin.post('/api/v1/tokens', { data: 'name=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    400,
    '(body)',
  );
});

test('an unknown user id is 404 and a duplicate email is 409', async () => {
  await expectProblem(admin.patch('/api/v1/users/nope', { data: { name: 'x' } }), 404);
  const body = { email: demoAdmin.email, name: 'Copy', roles: ['EDITOR'] };
  await expectProblem(admin.post('/api/v1/users', { data: body }), 409, 'email');
});

test('a malformed Authorization header is 401', async () => {
  const api = await apiAs(test.info().project.use.baseURL ?? '', null);
  const response = await api.get('/api/v1/me', { headers: { Authorization: 'Token abc' } });
  expect(response.status()).toBe(401);
});

test('lists have the {items, nextCursor} shape and page by cursor', async () => {
  const first = await admin.get('/api/v1/users?limit=1');
  expect(first.status()).toBe(200);
  const page1 = (await first.json()) as { items: { id: string }[]; nextCursor: string | null };
  expect(page1.items).toHaveLength(1);
  expect(page1.nextCursor).toBeTruthy();
  const page2 = (await (await admin.get(`/api/v1/users?limit=1&cursor=${page1.nextCursor}`)).json()) as {
    items: { id: string }[];
  };
  expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
  await expectProblem(admin.get('/api/v1/users?limit=0') as ReturnType<APIRequestContext['post']>, 400, 'query.limit');
});

test('the OpenAPI document describes every operation with its schemas', async () => {
  const response = await admin.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as {
    openapi: string;
    servers: { url: string }[];
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>
    >;
  };
  expect(doc.openapi).toBe('3.1.0');
  // The test server has no FACTMARK_PUBLIC_URL: its public origin is the address it is reached at.
  expect(doc.servers[0]?.url).toBe(new URL(response.url()).origin);
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/me',
      '/api/v1/tokens',
      '/api/v1/tokens/{id}',
      '/api/v1/users',
      '/api/v1/users/{id}',
    ]),
  );
  const createUserBody = doc.paths['/api/v1/users']?.post?.requestBody?.content['application/json']?.schema;
  expect(Object.keys(createUserBody?.properties ?? {})).toEqual(
    expect.arrayContaining(['email', 'name', 'roles', 'password']),
  );
});
