// npm run worker: the job queue's workers (ClaimReview feed refreshes) in their own process, for deployments
// that run the app with FACTMARK_WORKERS=0. Stops cleanly on Ctrl-C or SIGTERM.
import { serverEnv } from '@/lib/env';
import { startJobWorkers } from '@/lib/jobs/job-workers';
import { runMain, withDatabase } from './lib/database';
import { applyMigrations } from './lib/migrate';

runMain(async () => {
  await withDatabase(async (url) => {
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const workers = await startJobWorkers();
    process.stderr.write(
      `factmark: job workers running (feeds refreshed on "${serverEnv().FACTMARK_FEED_SCHEDULE}", UTC). Ctrl-C stops them.\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        process.stderr.write(`factmark: stopping the job workers (${signal})…\n`);
        void workers.stop().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
});
