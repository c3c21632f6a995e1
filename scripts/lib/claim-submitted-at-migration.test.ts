import { describe, expect, it } from 'vitest';
import { databaseBefore } from '@/scripts/testing/database-before';

describe('the submitted-at backfill', () => {
  const db = databaseBefore('claim_submitted_at_backfill');

  it('gives claims already in review the time of their last submission, not of their last edit', async () => {
    const client = db.client;

    await client.query(
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('ed', 'ed@backfill.test', 'Ed', now())`,
    );
    await client.query(
      `INSERT INTO "Article" (id, title, slug, content, "plainText", "updatedAt") VALUES ('a1', 'T', 't', '{}', 'Rents doubled. Fares fell. Wages rose.', now())`,
    );
    const claim = (id: string, status: string, updatedAt: string, submittedAt: string | null) =>
      client.query(
        `INSERT INTO "Claim" (id, "articleId", exact, start, "end", status, "createdById", "updatedById", "updatedAt", "submittedAt")
         VALUES ($1, 'a1', $1, 0, 5, $2, 'ed', 'ed', $3, $4)`,
        [id, status, updatedAt, submittedAt],
      );
    // Submitted twice, then edited (a comment, a source) while in review.
    await claim('resubmitted', 'IN_REVIEW', '2026-11-20T12:00:00Z', null);
    // Sent back to review by the claim authors migration: no submission on record.
    await claim('sent-back', 'IN_REVIEW', '2026-11-18T09:00:00Z', null);
    // Submitted after the column came: its time stays.
    await claim('recent', 'IN_REVIEW', '2026-11-25T10:00:00Z', '2026-11-25T09:30:00Z');
    // Not in review: nothing to show.
    await claim('draft', 'DRAFT', '2026-11-19T10:00:00Z', null);
    await client.query(
      `INSERT INTO "AuditLog" (id, "actorId", action, "entityType", "entityId", "createdAt") VALUES
        ('l1', 'ed', 'claim.submit', 'Claim', 'resubmitted', '2026-11-10T08:00:00Z'),
        ('l2', 'ed', 'claim.submit', 'Claim', 'resubmitted', '2026-11-12T08:00:00Z'),
        ('l3', 'ed', 'claim.update', 'Claim', 'resubmitted', '2026-11-20T12:00:00Z'),
        ('l4', 'ed', 'claim.submit', 'Claim', 'draft', '2026-11-11T08:00:00Z')`,
    );

    await db.migrate();

    const { rows } = await client.query<{ id: string; submittedAt: Date | null }>(
      `SELECT id, "submittedAt" FROM "Claim" ORDER BY id`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.submittedAt?.toISOString() ?? null]))).toEqual({
      draft: null,
      recent: '2026-11-25T09:30:00.000Z',
      resubmitted: '2026-11-12T08:00:00.000Z',
      'sent-back': '2026-11-18T09:00:00.000Z',
    });
  });
});
