// npm run -s token:create -- --email a@b.c --name ci
// Prints the new API token alone on standard output; everything else goes to standard error.
import { OPERATOR } from '@/lib/auth/permissions';
import { issueToken } from '@/lib/data/users/issue-token';
import { cliOptions } from './lib/cli-args';
import { runMain, withDatabase } from './lib/database';
import { applyMigrations } from './lib/migrate';

runMain(async () => {
  const opts = cliOptions(['email', 'name'], ['email', 'name']);
  const email = (opts.email ?? '').trim().toLowerCase();
  const name = (opts.name ?? '').trim().slice(0, 80);
  await withDatabase(async (url) => {
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const created = await issueToken(OPERATOR, { email, name });
    process.stderr.write(`factmark: created API token "${name}" for ${email}.\n`);
    process.stdout.write(`${created.token}\n`);
  });
});
