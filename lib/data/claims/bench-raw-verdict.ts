import 'server-only';
import pg from 'pg';
import { serverEnv } from '@/lib/env';
import { INSERT_AUDIT_SQL } from '@/lib/data/audit/record-audit';
import { CLAIM_DETAIL_SQL } from './claim-detail-dto';
import { LOCK_CLAIM_DETAIL_SQL, updateClaimSql, upsertVerdictSql } from './update-claim';

// For `npm run bench:api` only: the floor of a verdict save — the statements updateClaim runs for a new
// short verdict, in one transaction through `pg` directly, with no validation, ORM or DTO (the route authenticates).
let pool: pg.Pool | null = null;

export async function saveVerdictRaw(
  claimId: string,
  actorId: string,
  baseVersion: number,
  shortVerdict: string,
): Promise<{ status: number; version?: number }> {
  pool ??= new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 10 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const claim = (
      await client.query<{ version: number; status: string; verdict: { shortVerdict: string } | null }>(
        LOCK_CLAIM_DETAIL_SQL,
        [claimId],
      )
    ).rows[0];
    if (!claim || claim.version !== baseVersion) {
      await client.query('ROLLBACK');
      return { status: claim ? 409 : 404 };
    }
    const update = updateClaimSql(claimId, actorId, []);
    await client.query(update.text, update.values);
    const upsert = upsertVerdictSql(claimId, actorId, [['shortVerdict', shortVerdict]]);
    await client.query(upsert.text, upsert.values);
    const before = { version: claim.version, status: claim.status, shortVerdict: claim.verdict?.shortVerdict ?? null };
    await client.query(INSERT_AUDIT_SQL, [
      crypto.randomUUID(),
      actorId,
      'claim.update',
      'Claim',
      claimId,
      JSON.stringify(before),
      JSON.stringify({ baseVersion, shortVerdict }),
    ]);
    const saved = await client.query<{ version: number }>(CLAIM_DETAIL_SQL, [claimId]);
    await client.query('COMMIT');
    return { status: 200, version: saved.rows[0]?.version };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
