import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

/** The test server's database and secret (playwright.config.ts): a second instance joins them, as in a deployment. */
async function testServerSetup(): Promise<{ databaseUrl: string; authSecret: string }> {
  const dataDir = process.env.E2E_DATA_DIR ?? '.data/e2e';
  const authSecret = (await readFile(path.join(dataDir, 'auth-secret'), 'utf8')).trim();
  if (process.env.E2E_DATABASE_URL) return { databaseUrl: process.env.E2E_DATABASE_URL, authSecret };
  // The embedded PostgreSQL (scripts/lib/embedded-db.ts): its port is the fourth line of its pid file.
  const port = (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[3]?.trim();
  const password = (await readFile(path.join(dataDir, 'postgres-password'), 'utf8')).trim();
  return {
    databaseUrl: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/factmark`,
    authSecret,
  };
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

export interface SecondInstance {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts another instance of Factmark on the test server's database and secret, with `env` on top (e.g.
 * FACTMARK_COLLAB=0), and waits until it answers. Sessions are cookies signed with the shared secret, and cookies
 * are not per port: a browser signed in on the test server is signed in on this one.
 */
export async function startSecondInstance(env: Record<string, string>): Promise<SecondInstance> {
  const { databaseUrl, authSecret } = await testServerSetup();
  const port = Number(process.env.E2E_SECOND_PORT ?? (await freePort()));
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      FACTMARK_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'factmark-second-')),
      FACTMARK_TRUSTED_PROXY_HOPS: '1',
      ...env,
    },
  });
  await expect
    .poll(
      () =>
        fetch(`${url}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 180_000, intervals: [500] },
    )
    .toBe(200);
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
