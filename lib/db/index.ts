import 'server-only';
import pg from 'pg';
import { serverEnv } from '@/lib/env';
import { CONNECTION_OPTIONS, createPrismaClient, type PrismaClient } from './client';
import { SerialClient } from './serial-client';

const globalForDb = globalThis as unknown as { factmarkPool?: pg.Pool; factmarkPrisma?: PrismaClient };

/** The app's one connection pool: Prisma's adapter and the hand-written SQL of lib/db/sql share it. */
export function pool(): pg.Pool {
  if (!globalForDb.factmarkPool) {
    const { DATABASE_URL, FACTMARK_DB_POOL_SIZE, FACTMARK_DB_WAIT_MS } = serverEnv();
    // A request waits at most FACTMARK_DB_WAIT_MS for a connection, then fails with a timeout that the API answers as 503.
    globalForDb.factmarkPool = new pg.Pool({
      connectionString: DATABASE_URL,
      max: FACTMARK_DB_POOL_SIZE,
      connectionTimeoutMillis: FACTMARK_DB_WAIT_MS,
      options: CONNECTION_OPTIONS,
      Client: SerialClient,
    });
    // An idle connection the server dropped (restart, failover) is discarded by the pool; unheard, its error would end the process.
    globalForDb.factmarkPool.on('error', (err) =>
      console.error('factmark: idle database connection lost:', err.message),
    );
  }
  return globalForDb.factmarkPool;
}

/** The app's one Prisma client, created on first use so that `next build` needs no database. */
export function db(): PrismaClient {
  globalForDb.factmarkPrisma ??= createPrismaClient(pool(), serverEnv().FACTMARK_DB_WAIT_MS);
  return globalForDb.factmarkPrisma;
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
