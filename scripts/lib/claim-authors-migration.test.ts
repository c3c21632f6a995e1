import { describe, expect, it } from 'vitest';
import { databaseBefore } from '@/scripts/testing/database-before';

describe('the claim authors migration', () => {
  const db = databaseBefore('claim_authors');

  it('counts everyone who wrote any of a claim as its author, and sends approvals that recorded no content back to review', async () => {
    const client = db.client;

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

    await db.migrate();

    const { rows } = await client.query<{ authorIds: string[]; status: string }>(
      `SELECT "authorIds", status FROM "Claim" WHERE id = 'c1'`,
    );
    expect([...(rows[0]?.authorIds ?? [])].sort()).toEqual(['creator', 'lastChanger', 'sourceEditor', 'verdictWriter']);
    expect(rows[0]?.status).toBe('IN_REVIEW');
  });
});
