// Every timestamp is timestamptz: whatever zone the database's sessions default to and whatever the Node
// process's zone, what the hand-written SQL and Prisma write is the real instant and reads back as it.
// Both zones here are far from UTC and from each other.
process.env.TZ = 'America/Sao_Paulo';

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db, pool } from '@/lib/db';
import { createFreshDatabase, dropDatabase } from '@/scripts/testing/test-database';
import { INSERT_AUDIT_SQL, recordAudit } from '@/lib/data/audit/record-audit';
import { updateClaim, updateClaimSql, upsertVerdictSql } from './update-claim';

const DATABASE_ZONE = 'Pacific/Auckland';
const unique = () => randomUUID().slice(0, 8);
const isNow = (ms: number) => Math.abs(ms - Date.now()) < 30_000;

/** The stored instant as PostgreSQL holds it, in milliseconds since the epoch: no driver parsing involved. */
async function storedMs(table: string, column: string, where: string, value: string): Promise<number> {
  const { rows } = await pool().query<{ ms: string }>(
    `SELECT (extract(epoch FROM "${column}") * 1000)::bigint AS ms FROM "${table}" WHERE "${where}" = $1`,
    [value],
  );
  if (!rows[0]) throw new Error(`no ${table} row with ${where} = ${value}`);
  return Number(rows[0].ms);
}

describe(`timestamps in a database whose sessions default to ${DATABASE_ZONE}`, () => {
  const adminUrl = inject('adminDatabaseUrl');
  let url: string;
  let editor: Actor;
  /** A connection in the database's default zone, as another program (psql, a report, a second service) has. */
  let foreign: pg.Client;

  async function newClaim() {
    const article = await db().article.create({
      data: { title: 'Zones', slug: `zones-${unique()}`, content: { type: 'doc' }, plainText: 'It rose.' },
    });
    return db().claim.create({
      data: { articleId: article.id, exact: 'It rose', start: 0, end: 7, createdById: editor.id },
    });
  }

  beforeAll(async () => {
    url = await createFreshDatabase(adminUrl, { migrate: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET timezone = '${DATABASE_ZONE}'`);
    await admin.end();
    foreign = new pg.Client({ connectionString: url });
    await foreign.connect();
    // lib/db reads DATABASE_URL on first use: the app's pool and Prisma connect to this database.
    process.env.DATABASE_URL = url;
    const user = await db().user.create({
      data: { email: `${unique()}@zones.test`, name: 'Zone editor', roles: ['EDITOR'] },
    });
    editor = { id: user.id, email: user.email, name: user.name, roles: ['EDITOR'], via: 'session' };
  });
  afterAll(async () => {
    await foreign.end();
    await db().$disconnect();
    await pool().end();
    await dropDatabase(adminUrl, url);
  });

  it("runs the app's connections in UTC whatever the database's default", async () => {
    expect((await foreign.query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone")).rows[0]?.zone).toBe(
      DATABASE_ZONE,
    );
    expect((await pool().query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone")).rows[0]?.zone).toBe(
      'UTC',
    );
    expect((await db().$queryRaw<{ zone: string }[]>`SELECT current_setting('TimeZone') AS zone`)[0]?.zone).toBe('UTC');
  });

  it('stores and reads the real instant for Prisma writes, column defaults included', async () => {
    const user = await db().user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(isNow(user.createdAt.getTime())).toBe(true);
    expect(await storedMs('User', 'createdAt', 'id', editor.id)).toBe(user.createdAt.getTime());
    expect(await storedMs('User', 'updatedAt', 'id', editor.id)).toBe(user.updatedAt.getTime());

    const entityId = randomUUID();
    await db().$transaction((tx) => recordAudit(tx, editor, { action: 'zone.test', entityType: 'Test', entityId }));
    const entry = await db().auditLog.findFirstOrThrow({ where: { entityId } });
    expect(isNow(entry.createdAt.getTime())).toBe(true);
    expect(await storedMs('AuditLog', 'createdAt', 'entityId', entityId)).toBe(entry.createdAt.getTime());
  });

  it("stores the real instant for the claim save's hand-written SQL: claim, verdict, audit entry and dates", async () => {
    const claim = await newClaim();
    const source = await db().source.create({
      data: {
        url: 'https://stats.example.org/z',
        publishedAt: new Date('2026-03-04T05:06:07.089Z'),
        kind: 'OFFICIAL_DATA',
      },
    });
    await db().claimSource.create({ data: { claimId: claim.id, sourceId: source.id, position: 0 } });
    const review = await db().review.create({
      data: { claimId: claim.id, decision: 'CHANGES_REQUESTED', claimVersion: 1, snapshot: {} },
    });

    const saved = await updateClaim(editor, claim.id, {
      baseVersion: 1,
      shortVerdict: 'Checked.',
      claimDate: '2026-02-01',
    });

    expect(isNow(await storedMs('Claim', 'updatedAt', 'id', claim.id))).toBe(true);
    expect(isNow(await storedMs('Verdict', 'updatedAt', 'claimId', claim.id))).toBe(true);
    expect(isNow(await storedMs('AuditLog', 'createdAt', 'entityId', claim.id))).toBe(true);
    expect(await storedMs('Claim', 'claimDate', 'id', claim.id)).toBe(Date.parse('2026-02-01T00:00:00.000Z'));
    // The save's answer is read in one SQL statement (timestamps inside JSON) and agrees with Prisma's read.
    const fresh = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(saved.updatedAt).toBe(fresh.updatedAt.toISOString());
    expect(saved.claimDate).toBe('2026-02-01T00:00:00.000Z');
    expect(saved.sources[0]?.publishedAt).toBe('2026-03-04T05:06:07.089Z');
    expect(saved.lastReview?.createdAt).toBe(review.createdAt.toISOString());
  });

  it("the hand-written statements store the real instant in a session of the database's zone too", async () => {
    const claim = await newClaim();
    const update = updateClaimSql(claim.id, editor.id, [['claimDate', '2026-02-01T00:00:00.000Z']]);
    await foreign.query(update.text, update.values);
    const upsert = upsertVerdictSql(claim.id, editor.id, [['shortVerdict', 'Elsewhere.']]);
    await foreign.query(upsert.text, upsert.values);
    await foreign.query(INSERT_AUDIT_SQL, [randomUUID(), editor.id, 'claim.update', 'Claim', claim.id, null, null]);

    expect(isNow(await storedMs('Claim', 'updatedAt', 'id', claim.id))).toBe(true);
    expect(await storedMs('Claim', 'claimDate', 'id', claim.id)).toBe(Date.parse('2026-02-01T00:00:00.000Z'));
    expect(isNow(await storedMs('Verdict', 'updatedAt', 'claimId', claim.id))).toBe(true);
    expect(isNow(await storedMs('AuditLog', 'createdAt', 'entityId', claim.id))).toBe(true);
    // And the app reads what that session wrote as the same instant.
    const read = await db().claim.findUniqueOrThrow({ where: { id: claim.id }, include: { verdict: true } });
    expect(read.updatedAt.getTime()).toBe(await storedMs('Claim', 'updatedAt', 'id', claim.id));
    expect(read.verdict?.updatedAt.getTime()).toBe(await storedMs('Verdict', 'updatedAt', 'claimId', claim.id));
  });
});
