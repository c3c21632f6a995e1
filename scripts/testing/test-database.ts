// A throwaway PostgreSQL for a test run: its own embedded server, or fresh databases on DATABASE_URL's.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing, startEmbeddedDb } from '../lib/embedded-db';
import { applyMigrations } from '../lib/migrate';

export interface TestServer {
  /** A URL on the server's `postgres` database, for creating and dropping test databases. */
  adminUrl: string;
  stop: () => Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.DATABASE_URL;
  if (external) return { adminUrl: withDatabase(external, 'postgres'), stop: async () => {} };
  const dir = await mkdtemp(path.join(tmpdir(), 'factmark-test-'));
  const db = await startEmbeddedDb(dir, 'postgres');
  return {
    adminUrl: db.url,
    stop: async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates an empty database with a unique name on the test server and returns its URL. */
export async function createFreshDatabase(adminUrl: string, options: { migrate: boolean }): Promise<string> {
  const name = `factmark_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  if (options.migrate) await applyMigrations(url);
  return url;
}

export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
