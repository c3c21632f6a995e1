import 'server-only';
import { serverEnv } from '@/lib/env';
import { startJobWorkers, type JobWorkers } from './job-workers';

const globalWorkers = globalThis as { factmarkJobWorkers?: Promise<JobWorkers | null> };

/**
 * The job queue's workers inside the app process (FACTMARK_WORKERS=1, the default), started once, stopped
 * with the server: on SIGTERM or SIGINT they stop taking jobs and the queue's connections close.
 */
export function startInProcessWorkers(): void {
  if (globalWorkers.factmarkJobWorkers || serverEnv().FACTMARK_WORKERS === '0') return;
  globalWorkers.factmarkJobWorkers = startJobWorkers().catch((err: unknown) => {
    // The app serves without them; the feeds wait for a worker (`npm run worker`) or the next start.
    console.error('factmark: the job queue could not start:', err instanceof Error ? err.message : err);
    return null;
  });
  const stop = () => void globalWorkers.factmarkJobWorkers?.then((w) => w?.stop());
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
