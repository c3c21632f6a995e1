import 'server-only';
import pg from 'pg';
import { serverEnv } from '@/lib/env';

// For `npm run bench:api` only: the floor of a verdict save — the same SQL transaction the API runs,
// through `pg` directly, with no authentication, validation, ORM or DTO mapping.
let pool: pg.Pool | null = null;

export async function saveVerdictRaw(claimId: string, baseVersion: number, shortVerdict: string): Promise<{ status: number; version?: number }> {
  pool ??= new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 10 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT id FROM "Claim" WHERE id = $1 FOR UPDATE', [claimId]);
    const found = await client.query<{ version: number; status: string; shortVerdict: string | null }>(
      'SELECT c.version, c.status, v."shortVerdict" FROM "Claim" c LEFT JOIN "Verdict" v ON v."claimId" = c.id WHERE c.id = $1 AND c."deletedAt" IS NULL',
      [claimId],
    );
    const claim = found.rows[0];
    if (!claim || claim.version !== baseVersion) {
      await client.query('ROLLBACK');
      return { status: claim ? 409 : 404 };
    }
    await client.query('UPDATE "Claim" SET version = version + 1, "updatedAt" = now() WHERE id = $1', [claimId]);
    await client.query('UPDATE "Verdict" SET "shortVerdict" = $2, "updatedAt" = now() WHERE "claimId" = $1', [claimId, shortVerdict]);
    await client.query(
      'INSERT INTO "AuditLog" (id, action, "entityType", "entityId", before, after) VALUES ($1, \'claim.update\', \'Claim\', $2, $3, $4)',
      [crypto.randomUUID(), claimId, JSON.stringify({ version: claim.version, shortVerdict: claim.shortVerdict }), JSON.stringify({ baseVersion, shortVerdict })],
    );
    const saved = await client.query<{ version: number }>(
      'SELECT c.*, v."shortVerdict", v."ratingId" FROM "Claim" c LEFT JOIN "Verdict" v ON v."claimId" = c.id WHERE c.id = $1',
      [claimId],
    );
    await client.query('COMMIT');
    return { status: 200, version: saved.rows[0]?.version };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
