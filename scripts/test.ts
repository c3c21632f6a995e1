// npm test: lint and typecheck (side by side: each uses one core), unit and integration tests (real PostgreSQL),
// production build, then Playwright in Chromium against it. Prints each suite's duration.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './lib/free-port';
import { projectRoot } from './lib/schema-engine';
import { createFreshDatabase, dropDatabase } from './testing/test-database';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Like `run`, but the output is held until the command ends, so two commands side by side do not interleave. */
function runHeld(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Lint and typecheck at once: each is one single-threaded process. */
async function lintAndTypecheck(): Promise<number> {
  const checks: [string, Promise<{ code: number; output: string }>][] = [
    ['lint', runHeld(bin('eslint'), ['--max-warnings=0', '.'])],
    ['typecheck', runHeld(bin('tsc'), ['--noEmit'])],
  ];
  let failed = 0;
  for (const [name, check] of checks) {
    const { code, output } = await check;
    process.stderr.write(`--- ${name}: ${code === 0 ? 'ok' : 'FAILED'}\n${output}`);
    if (code !== 0) failed = code;
  }
  return failed;
}

async function e2e(): Promise<number> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'factmark-e2e-'));
  const adminUrl = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;
  if (adminUrl) adminUrl.pathname = '/postgres';
  const databaseUrl = adminUrl ? await createFreshDatabase(adminUrl.toString(), { migrate: false }) : '';
  try {
    return await run(bin('playwright'), ['test', ...process.argv.slice(2)], {
      E2E_PORT: String(await freePort()),
      E2E_DATA_DIR: dataDir,
      E2E_DATABASE_URL: databaseUrl,
    });
  } finally {
    if (adminUrl && databaseUrl) await dropDatabase(adminUrl.toString(), databaseUrl);
    await rm(dataDir, { recursive: true, force: true });
  }
}

const suites: [string, () => Promise<number>][] = [
  ['lint + typecheck', lintAndTypecheck],
  ['unit + integration (vitest)', () => run(bin('vitest'), ['run'])],
  ['build (next build)', () => run(bin('next'), ['build'])],
  ['end-to-end (playwright)', e2e],
];

const durations: string[] = [];
let failed: string | null = null;
for (const [name, suite] of suites) {
  process.stderr.write(`\n=== ${name}\n`);
  const started = Date.now();
  const code = await suite();
  durations.push(`${name.padEnd(30)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${code === 0 ? 'ok' : 'FAILED'}`);
  if (code !== 0) {
    failed = name;
    break;
  }
}
process.stderr.write(`\n=== durations\n${durations.join('\n')}\n`);
if (failed) {
  process.stderr.write(`\nnpm test failed in: ${failed}\n`);
  process.exit(1);
}
