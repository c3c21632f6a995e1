import 'server-only';
import { serverEnv } from '@/lib/env';
import { createPrismaClient, type PrismaClient } from './client';

const globalForPrisma = globalThis as unknown as { factmarkPrisma?: PrismaClient };

/** The app's one Prisma client, created on first use so that `next build` needs no database. */
export function db(): PrismaClient {
  globalForPrisma.factmarkPrisma ??= createPrismaClient(serverEnv().DATABASE_URL);
  return globalForPrisma.factmarkPrisma;
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
