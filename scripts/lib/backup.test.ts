import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { seedDatabase } from '@/prisma/seed';
import { initialisedDataDir } from '@/scripts/testing/cluster-copy';
import { createFreshDatabase, dropDatabase } from '@/scripts/testing/test-database';
import { backupDatabase, dataTables, restoreDatabase } from './backup';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');

/** Every table's rows as sorted JSON text: equal snapshots mean equal databases. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, string[]> = {};
    for (const table of await dataTables(client)) {
      out[table] = (await client.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM "${table}" t`)).rows
        .map((x) => x.r)
        .sort();
    }
    return out;
  } finally {
    await client.end();
  }
}

describe('db:backup and db:restore', () => {
  const adminUrl = inject('adminDatabaseUrl');
  let source: string;
  let dir: string;
  const made: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'factmark-backup-'));
    source = await createFreshDatabase(adminUrl, { migrate: true });
    made.push(source);
    const prisma = createPrismaClient(source);
    await seedDatabase(prisma, { demo: true });
    // Awkward values: arrays, unicode, JSON, nulls.
    await prisma.organisationSettings.update({
      where: { id: 'default' },
      data: { embedOrigins: ['https://partner.example', 'http://localhost:9'], name: 'Ünïcode “Newsroom” 👩‍💻' },
    });
    await prisma.$disconnect();
  });
  afterAll(async () => {
    for (const url of made) await dropDatabase(adminUrl, url);
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a populated database exactly, table by table, and keeps publications immutable', async () => {
    const file = path.join(dir, 'a.jsonl');
    const counts = await backupDatabase(source, file);
    expect(counts.Publication).toBe(1);
    expect(counts.Claim).toBeGreaterThan(4);
    const target = await createFreshDatabase(adminUrl, { migrate: false });
    made.push(target);
    await restoreDatabase(target, file);
    expect(await snapshot(target)).toEqual(await snapshot(source));

    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await expect(client.query('UPDATE "Publication" SET html = \'defaced\'')).rejects.toThrow();
    await client.end();
  });

  it('refuses a database that already has data, and a file that is not a backup, changing nothing', async () => {
    const file = path.join(dir, 'b.jsonl');
    await backupDatabase(source, file);
    const before = await snapshot(source);
    await expect(restoreDatabase(source, file)).rejects.toThrow(/needs an empty database/);
    expect(await snapshot(source)).toEqual(before);
    const junk = path.join(dir, 'junk.jsonl');
    await writeFile(junk, 'hello\n');
    const target = await createFreshDatabase(adminUrl, { migrate: true });
    made.push(target);
    await expect(restoreDatabase(target, junk)).rejects.toThrow(/not a Factmark backup/);
    // A truncated backup is refused as a whole: nothing half-restored stays.
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const truncated = path.join(dir, 'truncated.jsonl');
    await writeFile(truncated, `${lines.slice(0, -3).join('\n')}\n`);
    await expect(restoreDatabase(target, truncated)).rejects.toThrow(/incomplete/);
    const empty = await snapshot(target);
    expect(Object.values(empty).every((rows) => rows.length === 0)).toBe(true);
  });

  it('the commands round-trip through an embedded server too', async () => {
    const file = path.join(dir, 'cli.jsonl');
    const env = { ...process.env, DATABASE_URL: source };
    await run(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', '--out', file], { cwd: root, env });
    // Its own temporary folder (as root the server runs as `postgres`, which must reach it), holding a copy of an
    // initialised cluster: the commands start a server on it and stop it, without initdb.
    const dataDir = await initialisedDataDir('factmark-restore-', inject('embeddedCluster'));
    const embedded = { ...process.env, DATABASE_URL: '', FACTMARK_DATA_DIR: dataDir };
    const restored = await run(process.execPath, ['--import', 'tsx', 'scripts/db-restore.ts', '--in', file], {
      cwd: root,
      env: embedded,
    });
    expect(restored.stderr).toMatch(/restored \d+ rows/);
    const again = path.join(dir, 'again.jsonl');
    await run(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', '--out', again], {
      cwd: root,
      env: embedded,
    });
    const rows = async (f: string) => (await readFile(f, 'utf8')).trim().split('\n').slice(1).sort();
    expect(await rows(again)).toEqual(await rows(file));
    await rm(dataDir, { recursive: true, force: true });
  }, 120_000);
});
