// Backpressure against the real database: with every connection of the pool held in an open transaction, a
// write waits the bounded time and fails as UNAVAILABLE (503 + Retry-After), and succeeds once released.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { problemFromError } from '@/lib/api/problem';
import { getArticle } from '@/lib/data/articles/get-article';
import { saveArticle } from '@/lib/data/articles/save-article';
import { updateClaim } from '@/lib/data/claims/update-claim';
import { toAppError } from '@/lib/errors';
import { GET as listingRoute } from '@/app/a/route';
import { db, pool } from './index';

// A small pool and a short wait for this test's own process (serverEnv is read on first use).
const POOL_SIZE = 3;
// Long enough that setting up a new connection on a loaded machine does not itself time out.
const WAIT_MS = 2000;
process.env.FACTMARK_DB_POOL_SIZE = String(POOL_SIZE);
process.env.FACTMARK_DB_WAIT_MS = String(WAIT_MS);

const unique = () => randomUUID().slice(0, 8);

/** Takes every connection of the pool, each in an open transaction; returns how to give them back. */
async function exhaustPool(): Promise<() => Promise<void>> {
  const held: pg.PoolClient[] = [];
  for (let i = 0; i < POOL_SIZE; i++) {
    const client = await pool().connect();
    await client.query('BEGIN');
    await client.query('SELECT 1');
    held.push(client);
  }
  expect(pool().totalCount).toBe(POOL_SIZE);
  expect(pool().idleCount).toBe(0);
  return async () => {
    for (const client of held) {
      await client.query('ROLLBACK');
      client.release();
    }
  };
}

/** Runs `write`, expecting it to fail; returns the error and how long it took. */
async function failure(write: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await write();
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('The write succeeded although the pool was exhausted.');
}

async function expectUnavailable(error: unknown) {
  expect(toAppError(error)?.code).toBe('UNAVAILABLE');
  const response = problemFromError(error);
  expect(response.status).toBe(503);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
  expect(((await response.json()) as { detail: string }).detail).toMatch(/busy/);
}

describe('an exhausted connection pool', () => {
  let editor: Actor;
  let article: { id: string; version: number };
  let claim: { id: string };
  beforeAll(async () => {
    const user = await db().user.create({
      data: { email: `${unique()}@pool.test`, name: `Pool ${unique()}`, roles: ['EDITOR'] },
    });
    editor = { id: user.id, email: user.email, name: user.name, roles: ['EDITOR'], via: 'session' };
    article = await db().article.create({
      data: { title: 'Pool', slug: `pool-${unique()}`, content: { type: 'doc' }, plainText: 'The rate rose.' },
    });
    claim = await db().claim.create({
      data: { articleId: article.id, exact: 'The rate rose', start: 0, end: 13, createdById: editor.id },
    });
  });
  afterAll(() => db().$disconnect());

  it('answers a Prisma transaction with 503 after the bounded wait, and saves once connections are free', async () => {
    const release = await exhaustPool();
    let outcome: { error: unknown; ms: number };
    try {
      outcome = await failure(() => saveArticle(editor, article.id, { baseVersion: article.version, title: 'Busy' }));
    } finally {
      await release();
    }
    await expectUnavailable(outcome.error);
    expect(outcome.ms).toBeGreaterThanOrEqual(WAIT_MS * 0.9);
    expect(outcome.ms).toBeLessThan(WAIT_MS + 10_000);
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe('Pool');

    const saved = await saveArticle(editor, article.id, { baseVersion: article.version, title: 'Free' });
    expect(saved).toMatchObject({ title: 'Free', version: article.version + 1 });
  });

  it('answers a hand-written SQL transaction with 503 after the bounded wait, and saves once connections are free', async () => {
    const release = await exhaustPool();
    let outcome: { error: unknown; ms: number };
    try {
      outcome = await failure(() => updateClaim(editor, claim.id, { baseVersion: 1, shortVerdict: 'Busy.' }));
    } finally {
      await release();
    }
    await expectUnavailable(outcome.error);
    expect(outcome.ms).toBeGreaterThanOrEqual(WAIT_MS * 0.9);
    expect(outcome.ms).toBeLessThan(WAIT_MS + 10_000);

    const saved = await updateClaim(editor, claim.id, { baseVersion: 1, shortVerdict: 'Free.' });
    expect(saved).toMatchObject({ shortVerdict: 'Free.', version: 2 });
  });

  it('answers a plain Prisma read with 503 after the bounded wait', async () => {
    const release = await exhaustPool();
    let outcome: { error: unknown; ms: number };
    try {
      outcome = await failure(() => getArticle(editor, article.id));
    } finally {
      await release();
    }
    await expectUnavailable(outcome.error);
    expect(outcome.ms).toBeLessThan(WAIT_MS + 10_000);
    expect((await getArticle(editor, article.id)).id).toBe(article.id);
  });

  it('answers a public page with 503 and Retry-After, not 500, while the pool is exhausted', async () => {
    const release = await exhaustPool();
    let busy: Response;
    try {
      busy = await listingRoute(new Request('http://localhost/a'));
    } finally {
      await release();
    }
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await busy.text()).toMatch(/try again/);
    expect((await listingRoute(new Request('http://localhost/a'))).status).toBe(200);
  });

  it('leaves other errors alone: a bug is still a 500', () => {
    expect(toAppError(new Error('boom'))).toBeUndefined();
    expect(problemFromError(new TypeError('x is undefined')).status).toBe(500);
  });
});
