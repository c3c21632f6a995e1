import pg from 'pg';

const baseQuery = pg.Client.prototype.query;
const settled = () => undefined;

/**
 * A pg client that sends its promise-style queries one after another. Prisma's pg adapter reads a query's
 * joined relations at once (`Promise.all`), which inside an interactive transaction puts two queries on the
 * transaction's one connection (prisma/orm#29468): pg queues the second but warns that pg 9 will refuse it.
 * Queries with a callback (the pool's own) and submittables go straight through, as before.
 */
export class SerialClient extends pg.Client {
  tail: Promise<unknown> = Promise.resolve();
}

(SerialClient.prototype as { query: unknown }).query = function query(this: SerialClient, ...args: unknown[]) {
  const [config] = args;
  const submittable = typeof (config as { submit?: unknown } | null)?.submit === 'function';
  if (submittable || typeof args[args.length - 1] === 'function')
    return (baseQuery as (...a: unknown[]) => unknown).apply(this, args);
  const run = this.tail.then(() => (baseQuery as (...a: unknown[]) => Promise<unknown>).apply(this, args));
  this.tail = run.then(settled, settled);
  return run;
};
