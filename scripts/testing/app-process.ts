import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@/scripts/lib/free-port';
import { projectRoot } from '@/scripts/lib/schema-engine';

export interface AppProcess {
  baseURL: string;
  child: ChildProcess;
  /** Kills the whole process group at once (app, Next.js and the embedded PostgreSQL): a crash. */
  crash: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Starts Factmark as `npm start` does (production build, embedded database), in its own process group,
 * on its own port (`port`, or a free one) and data folder; for the benchmarks and the crash tests.
 */
export async function startApp(dataDir: string, port?: number): Promise<AppProcess> {
  const chosen = port ?? (await freePort());
  const baseURL = `http://localhost:${chosen}`;
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(chosen),
      FACTMARK_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: '1',
      FACTMARK_PUBLIC_URL: baseURL,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (let i = 0; ; i++) {
    if (
      await fetch(`${baseURL}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (child.exitCode !== null || i > 600) throw new Error(`Factmark did not start: ${errors.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseURL,
    child,
    crash: async () => {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
      await exited;
      // The group's other members (Next.js, PostgreSQL) die with it; give the kernel a moment to reap them.
      await new Promise((r) => setTimeout(r, 300));
    },
    stop: async () => {
      process.kill(child.pid ?? 0, 'SIGTERM');
      await exited;
    },
  };
}
