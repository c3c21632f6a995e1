import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Startup options for every connection: the session's time zone is UTC whatever the server's or the database's
 * default. Columns are timestamptz, so SQL stores the right instant in any zone, but Prisma's pg adapter reads a
 * timestamptz by replacing its offset with +00:00 (prisma/orm#26786): in any other zone it would read times hours off.
 */
export const CONNECTION_OPTIONS = '-c TimeZone=UTC';

/**
 * A Prisma client on the `pg` driver adapter. The app passes its one pool (lib/db), which its
 * hand-written SQL shares; the seed and CLI pass a connection string and get a pool of their own.
 */
export function createPrismaClient(connection: string | pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(typeof connection === 'string' ? { connectionString: connection, max: 10, options: CONNECTION_OPTIONS } : connection) });
}

export type { PrismaClient };
