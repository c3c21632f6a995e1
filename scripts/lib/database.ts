// Finds the database a command should use: DATABASE_URL, the running embedded server, or a new one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { runningServer, startEmbeddedDb } from './embedded-db';
import { AppError } from '@/lib/errors';
import { FriendlyError } from './friendly-error';
import { projectRoot } from './schema-engine';

export const dataDir = path.resolve(process.env.FACTMARK_DATA_DIR ?? path.join(projectRoot, '.data'));

/** Fails with one clear line when the server cannot be reached or refuses the credentials. */
export async function checkDatabase(url: string): Promise<void> {
  let host = 'the database server';
  try {
    host = new URL(url).host || host;
  } catch {
    throw new FriendlyError(
      'DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database).',
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new FriendlyError(`Cannot connect to PostgreSQL at ${host}: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `fn` with a database URL. With DATABASE_URL set it uses that server and starts nothing;
 * otherwise it joins the embedded server a running Factmark owns, or starts one and stops it after.
 */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await checkDatabase(configured);
    return fn(configured);
  }
  const running = await runningServer(path.join(dataDir, 'postgres'));
  if (running) {
    const password = (await readFile(path.join(dataDir, 'postgres-password'), 'utf8')).trim();
    return fn(`postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/factmark`);
  }
  const db = await startEmbeddedDb(dataDir);
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}

/** Runs a command's main function: a FriendlyError becomes one line on stderr and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      // Operator errors and the product's own refusals (AppError) are one line, not a stack trace.
      if (err instanceof FriendlyError || err instanceof AppError) process.stderr.write(`factmark: ${err.message}\n`);
      else console.error(err);
      process.exit(1);
    },
  );
}
