// npm run user:create -- --email a@b.c --name "A B" --roles editor,reviewer [--password …]
// Without --password it prints a one-time invitation link. Works whether or not the app runs.
// Runs with the operator's rights (whoever can run this can read the database anyway).
import { OPERATOR } from '@/lib/auth/permissions';
import { createUser } from '@/lib/data/users/create-user';
import { createUserInput } from '@/lib/validation/users';
import { cliOptions } from './lib/cli-args';
import { runMain, withDatabase } from './lib/database';
import { FriendlyError } from './lib/friendly-error';
import { applyMigrations } from './lib/migrate';

runMain(async () => {
  const opts = cliOptions(['email', 'name', 'roles', 'password'], ['email', 'name', 'roles']);
  const parsed = createUserInput.safeParse({
    email: opts.email,
    name: opts.name,
    roles: (opts.roles ?? '')
      .split(',')
      .map((r) => r.trim().toUpperCase())
      .filter(Boolean),
    password: opts.password,
  });
  if (!parsed.success) {
    throw new FriendlyError(
      parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'input')}: ${i.message}`).join('; '),
    );
  }
  await withDatabase(async (url) => {
    await applyMigrations(url);
    process.env.DATABASE_URL = url;
    const user = await createUser(OPERATOR, parsed.data);
    process.stderr.write(`factmark: created ${user.email} (${user.roles.join(', ').toLowerCase()}).\n`);
    if (user.invitationUrl) process.stdout.write(`${user.invitationUrl}\n`);
  });
});
