// npm run test:stress — the concurrency, backpressure and crash suites while every core is busy with a CPU hog,
// as on a shared CI machine: proves the tests wait for conditions rather than for time, and that the app
// answers load with 409/503, never 500. The hogs stop on their own after STRESS_SECONDS and are killed at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './lib/free-port';
import { projectRoot } from './lib/schema-engine';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const SPECS = ['e2e/concurrency.spec.ts', 'e2e/backpressure.spec.ts', 'e2e/crash-consistency.spec.ts'];
const HOG_SECONDS = Number(process.env.STRESS_SECONDS ?? 900);
const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** One busy loop per core, each ending by itself after `seconds` even if this script is killed. */
function startHogs(seconds: number): ChildProcess[] {
  const loop =
    'const end = Date.now() + Number(process.env.HOG_MS); let x = 0; while (Date.now() < end) x = (x + Math.sqrt(x + 1)) % 1e9;';
  return cpus().map(() =>
    spawn(process.execPath, ['-e', loop], { env: { ...process.env, HOG_MS: String(seconds * 1000) }, stdio: 'ignore' }),
  );
}

function stopHogs(hogs: ChildProcess[]): void {
  for (const hog of hogs) if (hog.exitCode === null && hog.pid) process.kill(hog.pid, 'SIGKILL');
}

async function main(): Promise<number> {
  if (!existsSync(path.join(projectRoot, '.next', 'BUILD_ID'))) {
    const built = await run(bin('next'), ['build']);
    if (built !== 0) return built;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'factmark-stress-'));
  const hogs = startHogs(HOG_SECONDS);
  const interrupted = () => {
    stopHogs(hogs);
    process.exit(130);
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  process.stderr.write(`=== ${hogs.length} CPU hogs (at most ${HOG_SECONDS} s) while running ${SPECS.join(', ')}\n`);
  const started = Date.now();
  try {
    return await run(bin('playwright'), ['test', ...SPECS, ...process.argv.slice(2)], {
      E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
      E2E_DATA_DIR: dataDir,
      CONCURRENCY_UPDATES: process.env.CONCURRENCY_UPDATES ?? '15',
    });
  } finally {
    stopHogs(hogs);
    await rm(dataDir, { recursive: true, force: true });
    process.stderr.write(
      `=== test:stress took ${((Date.now() - started) / 1000).toFixed(1)} s under ${hogs.length} CPU hogs\n`,
    );
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
