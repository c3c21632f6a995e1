import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './lib/free-port';

const root = path.resolve(import.meta.dirname, '..');

function runStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

function expectOneClearLine(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('npm start refuses bad set-ups with one clear line', () => {
  let port = '';
  beforeAll(async () => {
    port = String(await freePort());
  });

  it('when DATABASE_URL points at no server', async () => {
    const result = await runStart({ DATABASE_URL: 'postgresql://factmark:secret@127.0.0.1:1/factmark', PORT: port });
    expectOneClearLine(result, /^factmark: Cannot connect to PostgreSQL at 127\.0\.0\.1:1/);
  });

  it('when DATABASE_URL is not a URL', async () => {
    const result = await runStart({ DATABASE_URL: 'not a url', PORT: port });
    expectOneClearLine(result, /^factmark: DATABASE_URL is not a valid URL/);
  });

  it('when the port is taken', async () => {
    const server: Server = await new Promise((resolve) => {
      const s = createServer();
      s.listen(0, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runStart({ PORT: String(port) });
      expectOneClearLine(result, new RegExp(`^factmark: Port ${port} is already in use`));
    } finally {
      server.close();
    }
  });

  it('when the data folder is not writable', async () => {
    // A folder below a regular file can never be created, even by root.
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'factmark-file-')), 'plain-file');
    await writeFile(file, '');
    const result = await runStart({ FACTMARK_DATA_DIR: path.join(file, 'data'), PORT: port });
    expectOneClearLine(result, /^factmark: The data folder .*plain-file\/data is not writable/);
  });

  it('when PORT is not a port', async () => {
    const result = await runStart({ PORT: 'eighty' });
    expectOneClearLine(result, /^factmark: PORT must be a number/);
  });
});
