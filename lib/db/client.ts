import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * A Prisma client on the `pg` driver adapter. The app passes its one pool (lib/db), which its
 * hand-written SQL shares; the seed and CLI pass a connection string and get a pool of their own.
 */
export function createPrismaClient(connection: string | pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(typeof connection === 'string' ? { connectionString: connection, max: 10 } : connection) });
}

export type { PrismaClient };
