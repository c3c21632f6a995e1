import 'server-only';
import PgBoss from 'pg-boss';
import { drainClaimMatchQueue } from '@/lib/data/claim-memory/match-index';
import { listClaimReviewFeedIds } from '@/lib/data/claim-memory/list-claim-review-feed-ids';
import { runClaimReviewFeed } from '@/lib/data/claim-memory/run-claim-review-feed';
import { serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** How often the workers drain the claim match queue, so "already checked?" and search stay fresh unasked. */
export const MATCH_DRAIN_MS = 3_000;

/** The scheduled job: one refresh job per listed feed. */
export const REFRESH_FEEDS = 'claimreview-feeds';
/** One feed's refresh; a feed already waiting is not queued twice. */
export const REFRESH_FEED = 'claimreview-feed';

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, { name, ...options });
  } catch (err) {
    // Another process (the app and `npm run worker`) created it at the same moment.
    if (!(await boss.getQueue(name))) throw err;
  }
}

export interface JobWorkers {
  boss: PgBoss;
  stop: () => Promise<void>;
}

/**
 * Starts the PostgreSQL-backed job queue (pg-boss, in its own `pgboss` schema, created on first start) and its
 * workers: the ClaimReview feeds are refreshed on FACTMARK_FEED_SCHEDULE (cron, UTC).
 */
export async function startJobWorkers(
  options: { databaseUrl?: string; pollingIntervalSeconds?: number } = {},
): Promise<JobWorkers> {
  const env = serverEnv();
  const boss = new PgBoss({
    connectionString: options.databaseUrl ?? env.DATABASE_URL,
    max: 3,
    application_name: 'factmark-jobs',
  });
  boss.on('error', (err: Error) => console.error('factmark: job queue:', err.message));
  await boss.start();
  await ensureQueue(boss, REFRESH_FEEDS, { policy: 'singleton' });
  await ensureQueue(boss, REFRESH_FEED, { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 120 });
  await boss.schedule(REFRESH_FEEDS, env.FACTMARK_FEED_SCHEDULE, {}, { tz: 'UTC' });
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 };
  await boss.work(REFRESH_FEEDS, polling, async () => {
    for (const feedId of await listClaimReviewFeedIds())
      await boss.send(REFRESH_FEED, { feedId }, { singletonKey: feedId });
  });
  await boss.work<{ feedId: string }>(REFRESH_FEED, polling, async (jobs) => {
    for (const job of jobs) {
      try {
        // A failed fetch is recorded on the feed (the admin page shows it) and waits for the next run.
        await runClaimReviewFeed(job.data.feedId);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err; // removed meanwhile
      }
    }
  });
  // Not a pg-boss schedule (a minute at the finest): a timer, one drain at a time; two instances share the
  // rebuild lock, so one of them drains and the other skips.
  let draining: Promise<unknown> | null = null;
  let stopping = false;
  const drain = setInterval(() => {
    draining ??= drainClaimMatchQueue(() => stopping)
      .catch((err: unknown) => console.error('factmark: claim match index:', err instanceof Error ? err.message : err))
      .finally(() => (draining = null));
  }, MATCH_DRAIN_MS);
  drain.unref();
  let stopped: Promise<void> | undefined;
  const stop = async () => {
    stopping = true;
    clearInterval(drain);
    await Promise.all([boss.stop({ graceful: true, timeout: 10_000, wait: true }), draining]);
  };
  return { boss, stop: () => (stopped ??= stop()) };
}
