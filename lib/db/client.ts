import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { SerialClient } from './serial-client';

/**
 * Startup options for every connection: the session's time zone is UTC whatever the server's or the database's
 * default. Columns are timestamptz, so SQL stores the right instant in any zone, but Prisma's pg adapter reads a
 * timestamptz by replacing its offset with +00:00 (prisma/orm#26786): in any other zone it would read times hours off.
 */
export const CONNECTION_OPTIONS = '-c TimeZone=UTC';

/**
 * A Prisma client on the `pg` driver adapter. The app passes its one pool (lib/db), which its
 * hand-written SQL shares; the seed and CLI pass a connection string and get a pool of their own.
 * `waitMs` bounds how long an interactive transaction waits for a connection (Prisma's default, 2 s, is
 * too short on a busy 2-core machine); a transaction may then run for three times as long before it is
 * rolled back, so that a slow but progressing write is not cut off.
 */
export function createPrismaClient(connection: string | pg.Pool, waitMs = 5_000): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(
      typeof connection === 'string'
        ? { connectionString: connection, max: 10, options: CONNECTION_OPTIONS, Client: SerialClient }
        : connection,
    ),
    transactionOptions: { maxWait: waitMs, timeout: waitMs * 3 },
  });
}

export type { PrismaClient };
