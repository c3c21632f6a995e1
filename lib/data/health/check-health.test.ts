// The health check against the real database: it answers on its own connection while every connection of the
// app's pool is held, so a busy instance is not reported down (nor its probe kept waiting for the pool).
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/db';
import { isDatabaseHealthy } from './check-health';

const POOL_SIZE = 2;
const WAIT_MS = 5000;
process.env.FACTMARK_DB_POOL_SIZE = String(POOL_SIZE);
process.env.FACTMARK_DB_WAIT_MS = String(WAIT_MS);

const held: pg.PoolClient[] = [];

afterAll(async () => {
  for (const client of held.splice(0)) {
    await client.query('ROLLBACK');
    client.release();
  }
});

describe('isDatabaseHealthy', () => {
  it('answers at once while every pooled connection is held in a transaction', async () => {
    for (let i = 0; i < POOL_SIZE; i++) {
      const client = await pool().connect();
      await client.query('BEGIN');
      held.push(client);
    }
    expect(pool().idleCount).toBe(0);
    // Warm: the first check opens the check's own connection.
    expect(await isDatabaseHealthy()).toBe(true);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => isDatabaseHealthy()));
    expect(answers.every(Boolean)).toBe(true);
    // Behind the pool it would have waited FACTMARK_DB_WAIT_MS and failed.
    expect(performance.now() - started).toBeLessThan(WAIT_MS / 2);
    expect(pool().totalCount).toBe(POOL_SIZE);
  });
});
