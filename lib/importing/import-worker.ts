import { parentPort } from 'node:worker_threads';
import { AppError } from '@/lib/errors';
import { runImportJob, type ImportJob } from './import-jobs';
import type { WorkerReply } from './worker-pool';

async function answer(id: number, job: ImportJob): Promise<WorkerReply<unknown>> {
  try {
    return { id, ok: true, value: await runImportJob(job) };
  } catch (err) {
    return err instanceof AppError
      ? { id, ok: false, error: { code: err.code, message: err.message, errors: err.errors } }
      : {
          id,
          ok: false,
          error: {
            code: 'INTERNAL',
            message: err instanceof Error ? (err.stack ?? err.message) : String(err),
            errors: [],
          },
        };
  }
}

// The import worker's message loop: one job at a time, each answered with its id.
parentPort?.on('message', ({ id, job }: { id: number; job: ImportJob }) => {
  void answer(id, job).then((reply) => parentPort?.postMessage(reply));
});

// Warm the parsers (schema, jsdom) so a job's time limit measures the job, not the worker's start.
void runImportJob({ kind: 'text', format: 'markdown', body: '# Warm\n\n*up*', path: 'body' }).finally(() =>
  parentPort?.postMessage({ ready: true }),
);
