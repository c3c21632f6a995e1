// Shared by the benchmarks: a production server on a throwaway embedded database, and the results file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { projectRoot } from '@/scripts/lib/schema-engine';
import { startApp } from '@/scripts/testing/app-process';

export interface BenchServer {
  baseURL: string;
  dataDir: string;
  stop: () => Promise<void>;
}

/** Starts the production build on BENCH_PORT, or on a free port when it is unset. */
export async function startServer(): Promise<BenchServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'factmark-bench-'));
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
  const app = await startApp(dataDir, port);
  return {
    baseURL: app.baseURL,
    dataDir,
    stop: async () => {
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

export const round = (n: number) => Math.round(n * 100) / 100;

/** Merges one benchmark's figures into bench/results.json, with the machine they were measured on. */
export async function recordResults(name: string, figures: Record<string, unknown>): Promise<void> {
  const file = path.join(projectRoot, 'bench', 'results.json');
  const all = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  all[name] = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    ...figures,
  };
  await writeFile(file, `${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify({ [name]: all[name] }, null, 2)}\n`);
}

/** Runs a benchmark's main function and exits with its outcome. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
