import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { initialisedDataDir } from '@/scripts/testing/cluster-copy';
import { runningServer, startEmbeddedDb } from './embedded-db';

// Each test starts Node processes (npm, tsx, PostgreSQL): seconds each, and far more on a loaded machine.
const SPAWNING = 120_000;
const root = path.resolve(import.meta.dirname, '..', '..');
const dirs: string[] = [];
// Each test starts its own server on a copy of an initialised cluster: these test starting on existing data, not initdb.
const dataDir = async (prefix: string) => {
  const dir = await initialisedDataDir(prefix, inject('embeddedCluster'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function holdAndKill(dir: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/testing/hold-embedded-db.ts', dir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
    child.on('exit', (code) => reject(new Error(`helper exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function readSurvivors(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ note: string }>('SELECT note FROM survivor')).rows.map((r) => r.note);
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', { timeout: SPAWNING }, () => {
  it('recovers after the process that ran it was killed with SIGKILL, keeping its data', async () => {
    const dir = await dataDir('factmark-kill-');
    await holdAndKill(dir);
    expect(await runningServer(path.join(dir, 'postgres'))).not.toBeNull();

    const db = await startEmbeddedDb(dir);
    try {
      expect(await readSurvivors(db.url)).toEqual(['written before SIGKILL']);
    } finally {
      await db.stop();
    }
    expect(await runningServer(path.join(dir, 'postgres'))).toBeNull();
  });

  it('a second start reuses the same data', async () => {
    const dir = await dataDir('factmark-restart-');
    const first = await startEmbeddedDb(dir);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query("CREATE TABLE survivor (note text); INSERT INTO survivor VALUES ('kept')");
    await client.end();
    await first.stop();

    const second = await startEmbeddedDb(dir);
    try {
      expect(await readSurvivors(second.url)).toEqual(['kept']);
    } finally {
      await second.stop();
    }
  });

  it('starts when a stale pid file names a process that is not PostgreSQL (a reused pid after a crash)', async () => {
    const dir = await dataDir('factmark-stale-');
    const first = await startEmbeddedDb(dir);
    await first.stop();
    // As after a SIGKILL: the pid file is left behind, and its pid now belongs to a live process of the
    // server's own user (a reused pid, or the killed server's zombie) — PostgreSQL alone refuses to start then.
    const asServerUser =
      userInfo().uid === 0
        ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--clear-groups', 'sleep', '60']]
        : ['sleep', ['60']];
    const squatter = spawn(asServerUser[0] as string, asServerUser[1] as string[], { stdio: 'ignore' });
    const pidFile = path.join(dir, 'postgres', 'postmaster.pid');
    await writeFile(pidFile, `${squatter.pid}\n${path.join(dir, 'postgres')}\n0\n5432\n`);
    try {
      const second = await startEmbeddedDb(dir);
      try {
        expect(await runningServer(path.join(dir, 'postgres'))).not.toBeNull();
      } finally {
        await second.stop();
      }
    } finally {
      squatter.kill();
    }
  });
});
