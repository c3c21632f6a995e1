// A consistent logical export of all Factmark data (JSON lines, one snapshot transaction) and its restore
// into an empty database. Works with any PostgreSQL, the embedded one included (which ships no pg_dump).
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { FriendlyError } from './friendly-error';
import { applyMigrations } from './migrate';

const FORMAT = 'factmark-backup';
const BATCH = 500;

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, number>;
}

/** The product's tables (not the migration bookkeeping, which the restore recreates by migrating). */
export async function dataTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name",
  );
  return rows.map((r) => r.name);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes every row of every table, read in one REPEATABLE READ snapshot, to `file`. Returns the row counts. */
export async function backupDatabase(url: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Timestamps written with offset +00:00 whatever the server's zone, so two backups of one database agree.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    if (!(await client.query("SELECT to_regclass('public._prisma_migrations') AS t")).rows[0]?.t)
      throw new FriendlyError('this database holds no Factmark data (it was never migrated).');
    const tables = await dataTables(client);
    const migrations = (
      await client.query<{ name: string }>(
        'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      )
    ).rows.map((r) => r.name);
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`)).rows[0]?.n ?? 0,
      );
    const header: Header = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations,
      tables: counts,
    };
    await write(JSON.stringify(header));
    for (const table of tables) {
      // A cursor inside the snapshot, so a large table never sits in memory at once.
      await client.query(`DECLARE rows_out NO SCROLL CURSOR FOR SELECT row_to_json(t) AS row FROM ${quote(table)} t`);
      for (;;) {
        const { rows } = await client.query<{ row: unknown }>(`FETCH ${BATCH} FROM rows_out`);
        for (const r of rows) await write(JSON.stringify({ table, row: r.row }));
        if (rows.length < BATCH) break;
      }
      await client.query('CLOSE rows_out');
    }
    await client.query('COMMIT');
    return counts;
  } finally {
    out.end();
    await once(out, 'close');
    await client.end();
  }
}

/**
 * Restores a backup into an empty database: migrates it, then loads every row in one transaction with
 * triggers and foreign keys held off until the end (so rows load in any order). Needs a superuser, as the
 * embedded server's is.
 */
export async function restoreDatabase(url: string, file: string): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: Header;
  try {
    header = JSON.parse(first.done ? '' : first.value) as Header;
  } catch {
    throw new FriendlyError(`${file} is not a Factmark backup.`);
  }
  if (header.format !== FORMAT || header.version !== 1)
    throw new FriendlyError(`${file} is not a Factmark backup (version 1).`);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const known = await dataTables(client);
    for (const table of Object.keys(header.tables))
      if (!known.includes(table))
        throw new FriendlyError(`the backup has a table this version does not know: ${table}`);
    const nonEmpty = [];
    for (const table of known)
      if ((await client.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`)).rowCount) nonEmpty.push(table);
    if (nonEmpty.length > 0)
      throw new FriendlyError(
        `restore needs an empty database; this one has data in ${nonEmpty.join(', ')}. Use a new database (DATABASE_URL) or a new data folder (FACTMARK_DATA_DIR).`,
      );
    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = 'replica'");
    // Backups made before the timestamptz migration hold UTC times without an offset: read them as UTC.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const pending = new Map<string, unknown[]>();
    const flush = async (table: string) => {
      const rows = pending.get(table);
      if (!rows?.length) return;
      await client.query(
        `INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
        [JSON.stringify(rows)],
      );
      pending.set(table, []);
    };
    const restored: Record<string, number> = {};
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value.trim()) continue;
      const { table, row } = JSON.parse(next.value) as { table: string; row: unknown };
      if (!known.includes(table))
        throw new FriendlyError(`the backup has a table this version does not know: ${table}`);
      const rows = pending.get(table) ?? [];
      rows.push(row);
      pending.set(table, rows);
      restored[table] = (restored[table] ?? 0) + 1;
      if (rows.length >= BATCH) await flush(table);
    }
    for (const table of pending.keys()) await flush(table);
    for (const [table, count] of Object.entries(header.tables)) {
      if ((restored[table] ?? 0) !== count)
        throw new FriendlyError(`the backup is incomplete: ${table} has ${restored[table] ?? 0} rows of ${count}`);
    }
    await client.query('COMMIT');
    return restored;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
