import { readFile } from 'node:fs/promises';
import { inject, describe, expect, it } from 'vitest';
import { readMigrationFiles } from './migrate';
import { diffSchemas, schemaPath, snapshotPath } from './schema-engine';

describe('migrations', () => {
  it('cover every change to schema.prisma (run `npm run db:migration -- <name>` after editing it)', async () => {
    const [schema, snapshot] = await Promise.all([readFile(schemaPath, 'utf8'), readFile(snapshotPath, 'utf8')]);
    const missing = await diffSchemas(snapshot, schema, inject('databaseUrl'));
    expect(missing, `schema.prisma changed without a migration:\n${missing}`).toBe('');
  });

  it('are named in order and each has its SQL', async () => {
    const migrations = await readMigrationFiles();
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) {
      expect(m.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(m.sql.trim().length).toBeGreaterThan(0);
    }
  });
});
