// npm run db:restore -- --in FILE — loads a backup into an empty database (migrating it first).
import path from 'node:path';
import { restoreDatabase } from './lib/backup';
import { cliOptions } from './lib/cli-args';
import { runMain, withDatabase } from './lib/database';

runMain(async () => {
  const opts = cliOptions(['in'], ['in']);
  const file = path.resolve(opts.in ?? '');
  const counts = await withDatabase((url) => restoreDatabase(url, file));
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stderr.write(`factmark: restored ${rows} rows into ${Object.keys(counts).length} tables from ${file}\n`);
});
