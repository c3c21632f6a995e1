import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { sha256 } from '@/lib/auth/token-hash';
import { runningServer, startEmbeddedDb } from './lib/embedded-db';
import { createDatabaseIfMissing } from './lib/pg-admin';

// Each test starts Node processes (tsx, PostgreSQL): seconds each, and far more on a loaded machine.
const SPAWNING = 120_000;
const root = path.resolve(import.meta.dirname, '..');

const scripts = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

/**
 * Runs package.json's script as `npm run -s script -- args` does (through sh, node_modules/.bin first on PATH),
 * without npm itself: starting npm cost about a second of CPU per command, eight times in this file.
 */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const command = scripts[script];
  if (!command) throw new Error(`package.json has no script ${script}`);
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', `${command} "$@"`, script, ...args], {
      cwd: root,
      env: {
        ...process.env,
        PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const email = () => `cli-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;

describe('command line on DATABASE_URL', { timeout: SPAWNING }, () => {
  const url = inject('databaseUrl');

  it('user:create makes a user with roles, and token:create prints only the token on stdout', async () => {
    const address = email();
    const created = await runScript(
      'user:create',
      ['--email', address, '--name', 'Cli Person', '--roles', 'editor,reviewer', '--password', 'a-long-cli-password'],
      { DATABASE_URL: url },
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe('');
    const [user] = await query<{ roles: string; passwordHash: string }>(
      url,
      'SELECT roles::text, "passwordHash" FROM "User" WHERE email = $1',
      [address],
    );
    expect(user?.roles).toBe('{EDITOR,REVIEWER}');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);

    const token = await runScript('token:create', ['--email', address, '--name', 'ci'], { DATABASE_URL: url });
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout).toMatch(/^fm_[A-Za-z0-9_-]{43}\n$/);
    const rows = await query(url, 'SELECT 1 FROM "ApiToken" WHERE "tokenHash" = $1', [sha256(token.stdout.trim())]);
    expect(rows).toHaveLength(1);
  });

  it('user:create without a password prints an invitation link', async () => {
    const result = await runScript('user:create', ['--email', email(), '--name', 'Invited', '--roles', 'reviewer'], {
      DATABASE_URL: url,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\/set-password\?token=[A-Za-z0-9_-]+\n$/);
  });

  it('refuses bad input with one clear line', async () => {
    const short = await runScript(
      'user:create',
      ['--email', email(), '--name', 'X', '--roles', 'editor', '--password', 'short'],
      { DATABASE_URL: url },
    );
    expect(short.code).toBe(1);
    expect(short.stderr.trim()).toBe('factmark: --password: Use at least 12 characters.');
    const unknown = await runScript('token:create', ['--email', 'nobody@example.org', '--name', 'ci'], {
      DATABASE_URL: url,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('factmark: No user with email nobody@example.org.');
    expect(unknown.stdout).toBe('');
  });
});

describe('command line on the embedded database', { timeout: SPAWNING }, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('starts the embedded database when no app runs, and stops it again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factmark-cli-'));
    dirs.push(dir);
    const address = email();
    const created = await runScript(
      'user:create',
      ['--email', address, '--name', 'Embedded', '--roles', 'admin', '--password', 'embedded-password'],
      {
        DATABASE_URL: '',
        FACTMARK_DATA_DIR: dir,
      },
    );
    expect(created.code, created.stderr).toBe(0);
    const token = await runScript('token:create', ['--email', address, '--name', 'ci'], {
      DATABASE_URL: '',
      FACTMARK_DATA_DIR: dir,
    });
    expect(token.stdout).toMatch(/^fm_/);
    expect(await runningServer(path.join(dir, 'postgres'))).toBeNull();
  });

  /** A running Factmark's embedded database: the run's own server (the command finds it by its data folder), else one started here. */
  async function runningFactmarkDb(): Promise<{ dir: string; url: string; stop: () => Promise<void> }> {
    const shared = inject('embeddedDataDir');
    if (shared) {
      const adminUrl = inject('adminDatabaseUrl');
      await createDatabaseIfMissing(adminUrl, 'factmark');
      const url = new URL(adminUrl);
      url.pathname = '/factmark';
      return { dir: shared, url: url.toString(), stop: async () => {} };
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'factmark-cli-running-'));
    dirs.push(dir);
    const db = await startEmbeddedDb(dir);
    return { dir, url: db.url, stop: db.stop };
  }

  it('joins the embedded database of a running Factmark', async () => {
    const running = await runningFactmarkDb();
    const { dir } = running;
    try {
      const address = email();
      const created = await runScript(
        'user:create',
        ['--email', address, '--name', 'Joined', '--roles', 'editor', '--password', 'joined-password'],
        {
          DATABASE_URL: '',
          FACTMARK_DATA_DIR: dir,
        },
      );
      expect(created.code, created.stderr).toBe(0);
      expect(await query(running.url, 'SELECT 1 FROM "User" WHERE email = $1', [address])).toHaveLength(1);
      expect(await runningServer(path.join(dir, 'postgres'))).not.toBeNull();
    } finally {
      await running.stop();
    }
  });
});
