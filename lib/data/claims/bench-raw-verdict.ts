import 'server-only';
import { sqlTransaction } from '@/lib/db/sql';
import { INSERT_AUDIT_SQL } from '@/lib/data/audit/record-audit';
import { CLAIM_DETAIL_SQL } from './claim-detail-dto';
import { LOCK_CLAIM_DETAIL_SQL, updateClaimSql, upsertVerdictSql } from './update-claim';

/**
 * For `npm run bench:api` only: the floor of a verdict save — the statements updateClaim runs for a new short
 * verdict, in one transaction on the app's one pool through `pg` directly, with no validation, ORM or DTO (the
 * route authenticates).
 */
export async function saveVerdictRaw(
  claimId: string,
  actorId: string,
  baseVersion: number,
  shortVerdict: string,
): Promise<{ status: number; version?: number }> {
  return sqlTransaction(async (client) => {
    const claim = (
      await client.query<{ version: number; status: string; verdict: { shortVerdict: string } | null }>(
        LOCK_CLAIM_DETAIL_SQL,
        [claimId],
      )
    ).rows[0];
    // Nothing written yet: ending the transaction here changes nothing.
    if (!claim || claim.version !== baseVersion) return { status: claim ? 409 : 404 };
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
    return { status: 200, version: saved.rows[0]?.version };
  });
}
