// npm run db:reset -- --yes: empties the database (every table, published versions included) and
// seeds it again. For demo and development databases only.
import pg from 'pg';
import { runMain, withDatabase } from './lib/database';
import { FriendlyError } from './lib/friendly-error';
import { migrateAndSeed, printSeedResult } from './lib/setup-database';

runMain(async () => {
  if (!process.argv.includes('--yes')) {
    throw new FriendlyError(
      'db:reset deletes every article, claim and publication. Run `npm run db:reset -- --yes` to go ahead.',
    );
  }
  await withDatabase(async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    } finally {
      await client.end();
    }
    const { seed } = await migrateAndSeed(url, { demo: process.env.FACTMARK_DEMO !== '0' });
    printSeedResult(seed);
  });
  process.stderr.write('factmark: database reset.\n');
});
