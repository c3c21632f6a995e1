import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFreshDatabase, dropDatabase } from '@/scripts/testing/test-database';
import { readMigrationFiles } from './migrate';

describe('the claim authors migration', () => {
  const adminUrl = inject('adminDatabaseUrl');
  let url: string;
  let client: pg.Client;

  beforeAll(async () => {
    url = await createFreshDatabase(adminUrl, { migrate: false });
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dropDatabase(adminUrl, url);
  });

  it('counts everyone who wrote any of a claim as its author, and sends approvals that recorded no content back to review', async () => {
    const migrations = await readMigrationFiles();
    const index = migrations.findIndex((m) => m.name.endsWith('_claim_authors'));
    const migration = migrations[index];
    if (!migration) throw new Error('no claim_authors migration');
    for (const m of migrations.slice(0, index)) await client.query(m.sql);

    for (const id of ['creator', 'verdictWriter', 'sourceEditor', 'lastChanger', 'reviewer']) {
      await client.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $1, now())`, [
        id,
        `${id}@authors.test`,
      ]);
    }
    await client.query(
      `INSERT INTO "Article" (id, title, slug, content, "plainText", "updatedAt") VALUES ('a1', 'T', 't', '{}', 'Rents doubled.', now())`,
    );
    await client.query(
      `INSERT INTO "Claim" (id, "articleId", exact, start, "end", status, "createdById", "updatedById", "updatedAt") VALUES ('c1', 'a1', 'Rents doubled', 0, 13, 'APPROVED', 'creator', 'lastChanger', now())`,
    );
    await client.query(
      `INSERT INTO "Verdict" (id, "claimId", "authorId", "updatedById", "updatedAt") VALUES ('v1', 'c1', 'verdictWriter', 'lastChanger', now())`,
    );
    // Only the audit log remembers who edited the sources in between.
    await client.query(
      `INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId") VALUES ('l1', 'sourceEditor', 'source.update', 'Claim', 'c1'), ('l2', 'reviewer', 'review.approve', 'Claim', 'c1')`,
    );

    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query('COMMIT');

    const { rows } = await client.query<{ authorIds: string[]; status: string }>(
      `SELECT "authorIds", status FROM "Claim" WHERE id = 'c1'`,
    );
    expect([...(rows[0]?.authorIds ?? [])].sort()).toEqual(['creator', 'lastChanger', 'sourceEditor', 'verdictWriter']);
    expect(rows[0]?.status).toBe('IN_REVIEW');
  });
});
