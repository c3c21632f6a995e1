import { execFile } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Copies a stopped embedded PostgreSQL data folder (its `postgres/` cluster and password file) to `to`. `cp -a`
 * keeps owners and modes: as root the server runs as `postgres`, which must own the copy as it owned the original.
 */
export async function copyCluster(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await run('cp', ['-a', `${from}/.`, to]);
}

/**
 * A new data folder for a test that starts its own embedded PostgreSQL on existing data: a copy of the run's
 * initialised cluster (`inject('embeddedCluster')`), which spares initdb (seconds on a loaded machine). Without
 * one (tests on DATABASE_URL's server) it is empty and the first start initialises it, as before.
 */
export async function initialisedDataDir(prefix: string, cluster: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  if (cluster) await copyCluster(cluster, dir);
  return dir;
}
