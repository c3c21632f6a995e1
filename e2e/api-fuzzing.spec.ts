import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import type { z } from 'zod';
import { operations, type Operation } from '@/lib/api/operations';
import { apiAs, createUser, demoAdminApi, tokenFor, type TestUser } from './support/accounts';

/**
 * Property-based fuzzing of every JSON route: malformed bodies, wrong types, unknown fields, huge strings
 * and unicode edge cases. Whatever comes in, the answer is a 2xx or a 4xx problem+json — never a 5xx — and a
 * rejected request changes nothing (the fuzzing user's audit trail and the objects it targets are as before).
 */
test.describe.configure({ mode: 'serial' });
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let admin: APIRequestContext;
let fuzzer: TestUser;
let api: APIRequestContext;
let ids: Record<string, string>;

test.beforeAll(async () => {
  // Two sign-ins and six objects: slow on a busy machine.
  test.setTimeout(180_000);
  const baseURL = test.info().project.use.baseURL ?? '';
  admin = await demoAdminApi();
  fuzzer = await createUser(admin, ['ADMIN', 'EDITOR', 'REVIEWER'], 'fuzzer');
  api = await apiAs(baseURL, (await tokenFor(fuzzer.email, fuzzer.password)).token);
  const target = await createUser(admin, ['EDITOR'], 'fuzz-target');
  const article = (await (
    await api.post('/api/v1/articles', { data: { format: 'text', body: 'The river rose by two metres in one night.' } })
  ).json()) as { id: string };
  const claim = (await (
    await api.post(`/api/v1/articles/${article.id}/claims`, {
      data: { quote: { exact: 'The river rose by two metres' } },
    })
  ).json()) as { id: string };
  const withSource = (await (
    await api.post(`/api/v1/claims/${claim.id}/sources`, {
      data: { url: 'https://example.org/river', title: 'Gauge data', kind: 'official-data' },
    })
  ).json()) as { sources: { id: string }[] };
  const comment = (await (
    await api.post(`/api/v1/claims/${claim.id}/comments`, { data: { body: 'Which gauge?' } })
  ).json()) as { id: string };
  const ratings = (await (await api.get('/api/v1/ratings')).json()) as { items: { id: string }[] };
  ids = {
    articleId: article.id,
    claimId: claim.id,
    sourceId: withSource.sources[0]?.id ?? '',
    commentId: comment.id,
    userId: target.id,
    ratingId: ratings.items[0]?.id ?? '',
  };
});

function pathOf(op: Operation): string {
  return op.path.replace('{sourceId}', ids.sourceId ?? '').replace('{id}', () => {
    if (op.path.startsWith('/api/v1/articles/')) return ids.articleId ?? '';
    if (op.path.startsWith('/api/v1/claims/')) return ids.claimId ?? '';
    if (op.path.startsWith('/api/v1/comments/')) return ids.commentId ?? '';
    if (op.path.startsWith('/api/v1/users/')) return ids.userId ?? '';
    if (op.path.startsWith('/api/v1/ratings/')) return ids.ratingId ?? '';
    return '';
  });
}

/** The fields a body schema names (both sides of a union), to aim wrong values at real keys. */
function fieldsOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; options?: z.ZodType[] } }).def;
  if (def?.shape) return Object.keys(def.shape);
  return (def?.options ?? []).flatMap(fieldsOf);
}

const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDFFF\uD800',
    '\u202Eevil',
    '\uFEFF',
    'e\u0301',
    '👩‍👩‍👧‍👦',
    '\u200B'.repeat(50),
    '<script>alert(1)</script>',
    '{{7*7}}',
    '\'; DROP TABLE "Claim"; --',
  ),
  fc.constant('x'.repeat(300_000)),
);
/** Values past what the database or a recursive parser can take: int4 overflow, years out of range, deep nesting. */
const extreme = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, '0000-01-01', '9999-12-31T23:59:59-05:00', '-000001-01-01'),
  fc.integer({ min: 65, max: 500 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown),
  fc.integer({ min: 33, max: 500 }).map((depth) => {
    let node: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
    return { type: 'doc', content: [node] };
  }),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
  nasty,
  extreme,
);

/** Bodies that must be refused: not an object, an unknown field, or known fields of the wrong kind. */
function badBodies(op: Operation) {
  const fields = fieldsOf(op.body as z.ZodType);
  const known = fields.length
    ? fc.dictionary(fc.constantFrom(...fields), wrongType, { minKeys: 1, maxKeys: fields.length })
    : fc.constant({});
  return fc.oneof(
    fc
      .oneof(fc.integer(), fc.string(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 4 }), fc.constant(null))
      .map((v) => JSON.stringify(v)),
    fc
      .tuple(known, fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue())
      .map(([body, key, value]) => JSON.stringify({ ...body, [`unknown_${key}`]: value })),
    fc.constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '{"title": "\\ud800"',
      'nul\u0000',
      '{}}',
      '\uFEFF{}',
      'undefined',
      '{"__proto__": {"admin": true}, "x": 1}',
    ),
  );
}

/** What a rejected request must leave as it was: the fuzzing user's audit trail and the object it aimed at. */
async function fingerprint(path: string): Promise<string> {
  const trail = await admin.get(`/api/v1/audit?actor=${fuzzer.id}&limit=5`);
  const owner =
    /^\/api\/v1\/(claims|articles|users)\/[^/]+/.exec(path)?.[0] ?? (path === '/api/v1/settings' ? path : null);
  const target = owner ? await api.get(owner) : null;
  return `${await trail.text()}\n${target ? `${target.status()} ${await target.text()}` : ''}`;
}

const jsonRoutes = (Object.entries(operations) as [string, Operation][]).filter(([, op]) => op.body);

test('every JSON route has a fuzzing target', () => {
  expect(jsonRoutes.length).toBeGreaterThan(15);
  for (const [, op] of jsonRoutes) expect(pathOf(op), op.path).not.toMatch(/\{|\/\//);
});

for (const [name, op] of jsonRoutes) {
  test(`${op.method} ${op.path} refuses malformed bodies with 4xx problem+json and changes nothing`, async () => {
    const path = pathOf(op);
    await fc.assert(
      fc.asyncProperty(badBodies(op), async (body) => {
        const before = await fingerprint(path);
        const response = await api.fetch(path, {
          method: op.method,
          data: body,
          headers: { 'Content-Type': 'application/json' },
        });
        const status = response.status();
        expect(status, `${name} ${body.slice(0, 200)} → ${await response.text()}`).toBeGreaterThanOrEqual(400);
        expect(status, `${name} ${body.slice(0, 200)}`).toBeLessThan(500);
        expect(response.headers()['content-type'], name).toContain('application/problem+json');
        expect(await fingerprint(path), `${name}: state changed after a rejected ${body.slice(0, 200)}`).toBe(before);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261127) },
    );
  });
}

test('strings of every shape in the right fields never cause a 5xx', async () => {
  const targets: [string, (v: string) => unknown][] = [
    [`/api/v1/claims/${ids.claimId}`, (v) => ({ baseVersion: 999, shortVerdict: v })],
    [`/api/v1/claims/${ids.claimId}/comments`, (v) => ({ body: v })],
    [`/api/v1/articles/${ids.articleId}/claims`, (v) => ({ quote: { exact: v } })],
    ['/api/v1/articles', (v) => ({ format: 'text', body: v, title: v.slice(0, 400) })],
    [
      `/api/v1/claims/${ids.claimId}/sources`,
      (v) => ({ url: `https://example.org/fuzz/${v.length}`, title: v, kind: 'news' }),
    ],
  ];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...targets), nasty, async ([path, make], value) => {
      const method =
        path.startsWith('/api/v1/claims/') && !path.includes('/', '/api/v1/claims/'.length) ? 'PATCH' : 'POST';
      const response = await api.fetch(path, { method, data: make(value) });
      expect(
        response.status(),
        `${path} ${JSON.stringify(value).slice(0, 80)} → ${(await response.text()).slice(0, 300)}`,
      ).toBeLessThan(500);
      if (response.status() >= 400) expect(response.headers()['content-type']).toContain('application/problem+json');
    }),
    { numRuns: RUNS * 4, seed: Number(process.env.FUZZ_SEED ?? 20261127) },
  );
  // The fuzzed strings leave the article readable.
  expect((await api.get(`/api/v1/articles/${ids.articleId}`)).status()).toBe(200);
});

test('numbers and dates of every size in the right fields are refused with a 4xx, never a 5xx', async () => {
  const before = await fingerprint(`/api/v1/articles/${ids.articleId}`);
  const number = fc.oneof(
    fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
    fc.constantFrom(2 ** 31, 2 ** 53, 1e21),
  );
  const date = fc
    .oneof(fc.integer({ min: -271820, max: 999 }), fc.integer({ min: 10_000, max: 275_759 }))
    .map((year) => new Date(Date.UTC(year, 0, 1)).toISOString());
  await fc.assert(
    fc.asyncProperty(number, date, async (n, d) => {
      const responses = await Promise.all([
        api.patch(`/api/v1/articles/${ids.articleId}`, { data: { baseVersion: n, title: 'Overflow' } }),
        api.patch(`/api/v1/claims/${ids.claimId}`, { data: { baseVersion: n, shortVerdict: 'Overflow' } }),
        api.post(`/api/v1/articles/${ids.articleId}/claims`, { data: { position: { start: n, end: n + 1 } } }),
        api.patch(`/api/v1/claims/${ids.claimId}`, { data: { baseVersion: 1, claimDate: d } }),
        api.get(`/api/v1/audit?from=${encodeURIComponent(d)}`),
      ]);
      for (const response of responses) {
        expect(response.status(), `${n} ${d} → ${(await response.text()).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(response.status(), `${n} ${d}`).toBeLessThan(500);
        expect(response.headers()['content-type']).toContain('application/problem+json');
      }
    }),
    { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261127) },
  );
  expect(await fingerprint(`/api/v1/articles/${ids.articleId}`)).toBe(before);
});
