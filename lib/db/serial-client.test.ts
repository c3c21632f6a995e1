// One connection, several queries at once: the app's pool hands out clients that send them one after another
// (lib/db/serial-client.ts), so pg never sees a query sent while another is running — which pg 9 refuses.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { db, pool } from './index';
import { SerialClient } from './serial-client';

const concurrencyWarnings: string[] = [];
process.on('warning', (warning) => {
  if (/already executing a query/.test(warning.message)) concurrencyWarnings.push(warning.message);
});
/** Warnings are emitted on a later tick than the call that caused them. */
const afterWarnings = () => new Promise((resolve) => setImmediate(resolve));

const clients: pg.Client[] = [];
async function connected(Client: typeof pg.Client): Promise<pg.Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  clients.push(client);
  return client;
}
afterAll(async () => {
  for (const client of clients) await client.end();
});

describe('SerialClient', () => {
  it('runs queries sent at once one after another, in order, and a failed one does not stop the next', async () => {
    const client = await connected(SerialClient);
    const order: number[] = [];
    const [slow, failed, fast, last] = await Promise.allSettled([
      client.query<{ n: number }>('SELECT 1 AS n FROM pg_sleep(0.05)').then((r) => (order.push(1), r.rows[0]?.n)),
      client.query('SELECT * FROM no_such_table'),
      client.query<{ n: number }>('SELECT 3 AS n').then((r) => (order.push(3), r.rows[0]?.n)),
      client.query<{ n: number }>('SELECT 4 AS n').then((r) => (order.push(4), r.rows[0]?.n)),
    ]);
    expect(slow).toEqual({ status: 'fulfilled', value: 1 });
    expect(failed.status).toBe('rejected');
    expect(fast).toEqual({ status: 'fulfilled', value: 3 });
    expect(last).toEqual({ status: 'fulfilled', value: 4 });
    expect(order).toEqual([1, 3, 4]);
    await afterWarnings();
    expect(concurrencyWarnings).toEqual([]);
  });

  it("carries Prisma's joined reads inside a transaction on the app's pool without overlapping them", async () => {
    expect(pool().options.Client).toBe(SerialClient);
    const email = `serial-${Date.now()}@example.org`;
    const user = await db().$transaction(async (tx) => {
      await tx.user.create({
        data: {
          email,
          name: 'Serial',
          apiTokens: { create: [{ name: 'one', tokenHash: `h-${email}`, prefix: 'fm_' }] },
        },
      });
      // Three relations: the adapter reads them with one query each, sent together.
      return tx.user.findUnique({
        where: { email },
        include: { apiTokens: true, notifications: true, passwordTokens: true },
      });
    });
    expect(user?.apiTokens.map((t) => t.name)).toEqual(['one']);
    expect(user?.notifications).toEqual([]);
    expect(user?.passwordTokens).toEqual([]);
    await afterWarnings();
    expect(concurrencyWarnings).toEqual([]);
  });

  // Last: pg warns once per process. This shows the check above would have seen the warning.
  it('is needed: a plain client warns when sent a query while another runs', async () => {
    const client = await connected(pg.Client);
    // pg warns when a query arrives while another already waits behind the running one.
    await Promise.all([client.query('SELECT pg_sleep(0.05)'), client.query('SELECT 1'), client.query('SELECT 2')]);
    await afterWarnings();
    expect(concurrencyWarnings).toHaveLength(1);
  });
});
