// npm run db:backup [-- --out FILE] — writes all Factmark data to a JSON-lines file (default backups/factmark-<time>.jsonl).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { backupDatabase } from './lib/backup';
import { cliOptions } from './lib/cli-args';
import { runMain, withDatabase } from './lib/database';
import { projectRoot } from './lib/schema-engine';

runMain(async () => {
  const opts = cliOptions(['out'], []);
  const file = path.resolve(
    opts.out ?? path.join(projectRoot, 'backups', `factmark-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`),
  );
  await mkdir(path.dirname(file), { recursive: true });
  const counts = await withDatabase((url) => backupDatabase(url, file));
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stderr.write(`factmark: backed up ${rows} rows from ${Object.keys(counts).length} tables to ${file}\n`);
  process.stdout.write(`${file}\n`);
});
