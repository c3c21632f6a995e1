import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError, type AppErrorCode, type FieldError } from '@/lib/errors';

export interface PoolOptions {
  /** Absolute path of the worker's entry file. */
  script: string;
  size: number;
  /** Jobs that may wait for a worker; past it a job is refused with 503. */
  maxQueue: number;
  /** A job running longer is stopped (its worker terminated and replaced) and refused with 422. */
  timeoutMs: number;
  resourceLimits?: ResourceLimits;
}

/** What a worker answers for one job: a value, or an AppError's parts, or a failure to log. */
export type WorkerReply<R> =
  | { ready: true }
  | { id: number; ok: true; value: R }
  | { id: number; ok: false; error: { code: AppErrorCode | 'INTERNAL'; message: string; errors: FieldError[] } };

interface Pending<J, R> {
  id: number;
  job: J;
  path: string;
  resolve: (value: R) => void;
  reject: (err: unknown) => void;
}

interface Slot<J, R> {
  worker: Worker;
  /** The worker has loaded its code (its start-up does not count against a job's time). */
  ready: boolean;
  current: (Pending<J, R> & { timer: NodeJS.Timeout }) | null;
}

const tookTooLong = (path: string, seconds: number) =>
  new AppError(
    'UNPROCESSABLE',
    `Reading this took longer than ${seconds} s and was stopped. Split the article, or paste it as plain text.`,
    [{ path, message: 'Too complex to read in time: split the article, or paste it as plain text.' }],
  );

/**
 * A fixed number of worker threads running jobs one at a time each, with a bounded queue and a time
 * limit per job: a worker past its limit (or crashed, or out of memory) is terminated and replaced,
 * so one hostile input costs at most one job's time on one thread and never blocks the event loop.
 */
export class WorkerPool<J, R> {
  private readonly slots: Slot<J, R>[] = [];
  private readonly queue: Pending<J, R>[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers terminated and replaced (time limit, crash). */
  replaced = 0;

  constructor(private readonly options: PoolOptions) {}

  /** Runs a job; `path` is the input field that errors are reported on. */
  run(job: J, path: string): Promise<R> {
    if (this.closed) return Promise.reject(new Error('The worker pool is closed.'));
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(
        new AppError(
          'UNAVAILABLE',
          'The server is busy reading other imports. Try again in a few seconds.',
          [{ path, message: 'The server is busy: try again in a few seconds.' }],
          5,
        ),
      );
    }
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, path, resolve, reject });
      this.dispatch();
    });
  }

  /** Thread ids of the live workers (tests check that a stopped worker was replaced). */
  get threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('The worker pool is closed.'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && s.current === null);
      if (!slot) {
        if (this.slots.length < this.options.size) this.spawn();
        return;
      }
      const pending = this.queue.shift()!;
      const seconds = this.options.timeoutMs / 1000;
      const timer = setTimeout(() => this.fail(slot, tookTooLong(pending.path, seconds)), this.options.timeoutMs);
      slot.current = { ...pending, timer };
      slot.worker.ref();
      slot.worker.postMessage({ id: pending.id, job: pending.job });
    }
  }

  private spawn(): Slot<J, R> {
    const worker = new Worker(this.options.script, {
      resourceLimits: this.options.resourceLimits,
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    const slot: Slot<J, R> = { worker, ready: false, current: null };
    worker.on('message', (reply: WorkerReply<R>) => {
      if ('ready' in reply) {
        slot.ready = true;
        worker.unref();
        this.dispatch();
        return;
      }
      const current = slot.current;
      if (!current || current.id !== reply.id) return;
      clearTimeout(current.timer);
      slot.current = null;
      worker.unref();
      if (reply.ok) current.resolve(reply.value);
      else if (reply.error.code === 'INTERNAL') current.reject(new Error(`Import worker: ${reply.error.message}`));
      else current.reject(new AppError(reply.error.code, reply.error.message, reply.error.errors));
      this.dispatch();
    });
    worker.on('error', (err) => {
      const current = slot.current;
      const outOfMemory = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!outOfMemory) console.error('Import worker failed:', err);
      this.fail(slot, outOfMemory && current ? tookTooLong(current.path, this.options.timeoutMs / 1000) : err);
    });
    worker.on('exit', () => {
      if (this.slots.includes(slot)) this.fail(slot, new Error('The import worker stopped unexpectedly.'));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Rejects the slot's job, terminates its worker and starts a new one (or, if it never started, refuses the queue). */
  private fail(slot: Slot<J, R>, err: unknown): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    this.replaced++;
    const current = slot.current;
    slot.current = null;
    if (current) {
      clearTimeout(current.timer);
      current.reject(err);
    }
    void slot.worker.terminate();
    if (this.closed) return;
    if (!slot.ready) {
      // A worker that cannot even start would fail again at once: refuse what waits instead of looping.
      for (const pending of this.queue.splice(0)) pending.reject(err);
      return;
    }
    this.spawn();
    this.dispatch();
  }
}
