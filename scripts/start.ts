// npm start: the embedded (or configured) database, migrations, seed, a production build if none
// exists, then the app's server (scripts/lib/server.ts: Next and the /collab WebSocket). Ctrl-C stops the app and the database cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDatabase, dataDir, runMain } from './lib/database';
import { startEmbeddedDb, type EmbeddedDb } from './lib/embedded-db';
import { FriendlyError } from './lib/friendly-error';
import { projectRoot } from './lib/schema-engine';
import { migrateAndSeed, printSeedResult } from './lib/setup-database';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const isDev = process.argv.includes('--dev');
const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
const log = (line: string) => process.stderr.write(`factmark: ${line}\n`);

function parsePort(): number {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new FriendlyError(`PORT must be a number from 1 to 65535, not "${raw}".`);
  return port;
}

function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new FriendlyError(
          err.code === 'EADDRINUSE'
            ? `Port ${port} is already in use. Stop what runs there or choose another with PORT=…`
            : `Cannot listen on port ${port}: ${err.message}`,
        ),
      ),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  const kept = await readFile(file, 'utf8').catch(() => null);
  if (kept?.trim()) return kept.trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  log(`generated AUTH_SECRET in ${path.relative(projectRoot, file)}; a deployment must set its own AUTH_SECRET.`);
  return secret;
}

function buildIfMissing(): void {
  if (isDev || existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) return;
  log('no production build yet: running `next build` (about a minute)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new FriendlyError('`next build` failed; see the output above.');
}

// One anonymous request to each of these once the server answers: Next loads a route's code on its first
// request, which holds the event loop for 0.1–1.5 s on 2 cores; better before the first visitor than during.
const WARM_PATHS = [
  '/',
  '/a',
  '/a/warm-up',
  '/a/warm-up/diff?from=1&to=2',
  '/a/feed.xml',
  '/sign-in',
  '/dashboard',
  '/api/auth/csrf',
  '/api/auth/session',
  '/api/v1/articles',
  '/api/v1/articles/warm-up',
  '/api/v1/claims/warm-up',
  '/api/v1/audit',
];

async function warmRoutes(port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const get = (p: string) =>
    fetch(`${base}${p}`, { redirect: 'manual', signal: AbortSignal.timeout(60_000) })
      .then((r) => r.arrayBuffer().then(() => r.ok))
      .catch(() => false);
  for (let i = 0; i < 600 && !(await get('/api/health')); i++) await new Promise((r) => setTimeout(r, 200));
  for (const p of WARM_PATHS) await get(p);
}

runMain(async () => {
  const port = parsePort();
  await checkPortFree(port);
  let embedded: EmbeddedDb | null = null;
  let url = process.env.DATABASE_URL;
  if (url) {
    await checkDatabase(url);
  } else {
    embedded = await startEmbeddedDb(dataDir);
    url = embedded.url;
    log(`embedded PostgreSQL running on 127.0.0.1:${embedded.port} (data in ${dataDir})`);
  }
  const stopDatabase = async () => {
    const db = embedded;
    embedded = null;
    await db?.stop();
  };

  try {
    const { applied, seed } = await migrateAndSeed(url, { demo: process.env.FACTMARK_DEMO !== '0' });
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    printSeedResult(seed);
    const secret = await authSecret();
    buildIfMissing();

    // FACTMARK_CPU_PROF=dir: a V8 CPU profile of the server, written there when it stops (NODE_OPTIONS refuses --cpu-prof).
    const prof = process.env.FACTMARK_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FACTMARK_CPU_PROF}`] : [];
    // Time limits for slow clients (headers, whole request): see scripts/lib/server-timeouts.mjs.
    const timeouts = isDev
      ? []
      : ['--import', pathToFileURL(path.join(projectRoot, 'scripts', 'lib', 'server-timeouts.mjs')).href];
    // Our own server (scripts/lib/server.ts: Next's handler plus the /collab WebSocket), which runs lib/ code, hence
    // tsx and the server-only hook; FACTMARK_COLLAB=0 (collaboration off) runs `next start` alone.
    const isCollab = process.env.FACTMARK_COLLAB !== '0';
    const hook = pathToFileURL(path.join(projectRoot, 'scripts', 'lib', 'server-only-hook.mjs')).href;
    const keepAlive = isDev ? [] : ['--keepAliveTimeout', '75000'];
    const serverArgs = isCollab
      ? [
          ...prof,
          '--import',
          'tsx',
          '--import',
          hook,
          ...timeouts,
          path.join(projectRoot, 'scripts', 'lib', 'server.ts'),
          ...(isDev ? ['--dev'] : []),
        ]
      : [...prof, ...timeouts, nextBin, isDev ? 'dev' : 'start', '--port', String(port), ...keepAlive];
    const next = spawn(process.execPath, serverArgs, {
      cwd: projectRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: isDev ? 'development' : 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: url,
        AUTH_SECRET: secret,
        PORT: String(port),
      },
    });
    log(`Factmark is starting at http://localhost:${port}`);
    if (!isDev) void warmRoutes(port);
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`stopping (${signal})…`);
      next.kill('SIGTERM');
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const code = await new Promise<number>((resolve) => next.on('exit', (c) => resolve(c ?? 0)));
    await stopDatabase();
    if (!stopping && code !== 0) throw new FriendlyError(`the app exited with code ${code}.`);
  } catch (err) {
    await stopDatabase();
    throw err;
  }
});
