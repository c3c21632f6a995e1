import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { readMigrationFiles } from '@/scripts/lib/migrate';
import { createFreshDatabase, dropDatabase } from '@/scripts/testing/test-database';

export interface DatabaseBefore {
  /** The connection to the fresh database, migrated up to (not including) the migration under test. */
  readonly client: pg.Client;
  /** Runs the migration under test in one transaction, as the migrator does. */
  migrate(): Promise<void>;
}

/**
 * A fresh database for a migration's test, with every migration before the one named `*_${suffix}` applied, so
 * the test can write rows as they were before it and check what it makes of them. `timezone` sets the database's
 * session zone. Dropped after the file's tests.
 */
export function databaseBefore(suffix: string, options: { timezone?: string } = {}): DatabaseBefore {
  const adminUrl = inject('adminDatabaseUrl');
  let url = '';
  let client: pg.Client | undefined;
  let sql = '';

  beforeAll(async () => {
    url = await createFreshDatabase(adminUrl, { migrate: false });
    if (options.timezone) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET timezone = '${options.timezone}'`);
      await admin.end();
    }
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const migrations = await readMigrationFiles();
    const index = migrations.findIndex((m) => m.name.endsWith(`_${suffix}`));
    const migration = migrations[index];
    if (!migration) throw new Error(`no migration named *_${suffix}`);
    for (const m of migrations.slice(0, index)) await client.query(m.sql);
    sql = migration.sql;
  });
  afterAll(async () => {
    await client?.end();
    if (url) await dropDatabase(adminUrl, url);
  });

  return {
    get client() {
      if (!client) throw new Error('the database is made in beforeAll: use it inside a test');
      return client;
    },
    async migrate() {
      const c = this.client;
      await c.query('BEGIN');
      try {
        await c.query(sql);
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      }
    },
  };
}
