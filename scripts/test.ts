// npm test: unit and integration tests (real PostgreSQL) with lint, typecheck and the production build beside
// them, then Playwright in Chromium against the build. Prints each suite's duration.
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

/** Lint, the format check and typecheck at once: each is one single-threaded process. */
async function lintAndTypecheck(): Promise<number> {
  const checks: [string, Promise<{ code: number; output: string }>][] = [
    ['lint', runHeld(bin('eslint'), ['--max-warnings=0', '.'])],
    ['format', runHeld(bin('prettier'), ['--check', '--log-level=warn', '.'])],
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

type Suite = [name: string, run: () => Promise<number>];

/** Runs one suite, timing it; its line in the summary says how long it took and whether it passed. */
async function timed([name, suite]: Suite, durations: string[]): Promise<number> {
  const started = Date.now();
  const code = await suite();
  durations.push(
    `${name.padEnd(30)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${code === 0 ? 'ok' : 'FAILED'}`,
  );
  return code;
}

// Vitest waits on PostgreSQL and on the processes it starts much of the time, so lint, typecheck and the
// production build run beside it (their output is held until each ends); Playwright needs the build and the
// whole machine, so it runs last. Two stages: the first's failures stop the run before the browser tests.
const stages: Suite[][] = [
  [
    ['unit + integration (vitest)', () => run(bin('vitest'), ['run'])],
    ['lint + typecheck', lintAndTypecheck],
    [
      'build (next build)',
      () =>
        runHeld(bin('next'), ['build']).then(
          ({ code, output }) => (process.stderr.write(`--- build: ${code === 0 ? 'ok' : 'FAILED'}\n${output}`), code),
        ),
    ],
  ],
  [['end-to-end (playwright)', e2e]],
];

const durations: string[] = [];
const failed: string[] = [];
for (const stage of stages) {
  process.stderr.write(`\n=== ${stage.map(([name]) => name).join(', ')}\n`);
  const codes = await Promise.all(stage.map((suite) => timed(suite, durations)));
  stage.forEach(([name], i) => codes[i] !== 0 && failed.push(name));
  if (failed.length) break;
}
process.stderr.write(`\n=== durations\n${durations.join('\n')}\n`);
if (failed.length) {
  process.stderr.write(`\nnpm test failed in: ${failed.join(', ')}\n`);
  process.exit(1);
}
