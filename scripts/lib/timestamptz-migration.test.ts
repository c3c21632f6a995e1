import { describe, expect, it } from 'vitest';
import { databaseBefore } from '@/scripts/testing/database-before';

// Rows written before the migration hold UTC wall-clock times without a zone; the database's sessions
// default to a zone far from UTC, where a plain cast would read them 13 hours off.
const ZONE = 'Pacific/Auckland';
const STORED = '2026-11-28 09:30:00.123';
const INSTANT = Date.parse('2026-11-28T09:30:00.123Z');

describe('the timestamptz migration', () => {
  const db = databaseBefore('timestamptz', { timezone: ZONE });

  it('reads existing zone-less rows as UTC, the immutable Publication and AuditLog rows included', async () => {
    const client = db.client;

    await client.query(
      `INSERT INTO "User" (id, email, name, "createdAt", "updatedAt") VALUES ('u1', 'u1@tz.test', 'U', $1, $1)`,
      [STORED],
    );
    await client.query(
      `INSERT INTO "Article" (id, title, slug, content, "plainText", "createdAt", "updatedAt", "dueDate") VALUES ('a1', 'T', 't', '{}', '', $1, $1, $1)`,
      [STORED],
    );
    await client.query(
      `INSERT INTO "Publication" (id, "articleId", number, snapshot, html, "publishedAt") VALUES ('p1', 'a1', 1, '{}', '', $1)`,
      [STORED],
    );
    await client.query(
      `INSERT INTO "AuditLog" (id, action, "entityType", "entityId", "createdAt") VALUES ('l1', 'x', 'Article', 'a1', $1)`,
      [STORED],
    );
    const { rows: before } = await client.query<{ type: string }>(
      `SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'AuditLog' AND column_name = 'createdAt'`,
    );
    expect(before[0]?.type).toBe('timestamp without time zone');

    await db.migrate();

    const ms = async (sql: string) =>
      Number(
        (await client.query<{ ms: string }>(`SELECT (extract(epoch FROM ${sql}) * 1000)::bigint AS ms`)).rows[0]?.ms,
      );
    expect(await ms(`(SELECT "createdAt" FROM "User" WHERE id = 'u1')`)).toBe(INSTANT);
    expect(await ms(`(SELECT "updatedAt" FROM "User" WHERE id = 'u1')`)).toBe(INSTANT);
    expect(await ms(`(SELECT "dueDate" FROM "Article" WHERE id = 'a1')`)).toBe(INSTANT);
    expect(await ms(`(SELECT "publishedAt" FROM "Publication" WHERE id = 'p1')`)).toBe(INSTANT);
    expect(await ms(`(SELECT "createdAt" FROM "AuditLog" WHERE id = 'l1')`)).toBe(INSTANT);

    const { rows: zoneless } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND data_type = 'timestamp without time zone'`,
    );
    expect(Number(zoneless[0]?.n)).toBe(0);
    // The records stay immutable, and a new row's default is now the real instant in any session zone.
    await expect(client.query(`UPDATE "Publication" SET html = 'defaced'`)).rejects.toThrow(/immutable/);
    await expect(client.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/immutable/);
    await client.query(
      `INSERT INTO "AuditLog" (id, action, "entityType", "entityId") VALUES ('l2', 'x', 'Article', 'a1')`,
    );
    expect(Math.abs((await ms(`(SELECT "createdAt" FROM "AuditLog" WHERE id = 'l2')`)) - Date.now())).toBeLessThan(
      30_000,
    );
  });
});
