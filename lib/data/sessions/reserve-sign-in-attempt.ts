import 'server-only';
import { randomUUID } from 'node:crypto';
import { sqlTransaction } from '@/lib/db/sql';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export const MAX_FAILED_SIGN_INS = 10;

/**
 * Records a sign-in attempt unless the account or the address already has ten in the window, as one
 * decision: advisory locks per account and per address (always in that order, so no deadlock) make
 * concurrent attempts take turns, so no more than ten are ever let through to the password check.
 * The id of the recorded attempt, or null when throttled.
 */
export async function reserveSignInAttempt(email: string, ip: string): Promise<string | null> {
  return sqlTransaction(async (client) => {
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('factmark.sign-in.email:' || $1, 0)),
              pg_advisory_xact_lock(hashtextextended('factmark.sign-in.ip:' || $2, 0))`,
      [email, ip],
    );
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "SignInAttempt" (id, email, ip, "createdAt")
       SELECT $1, $2, $3, now() AT TIME ZONE 'UTC'
       WHERE (SELECT count(*) FROM "SignInAttempt" WHERE email = $2 AND "createdAt" >= now() AT TIME ZONE 'UTC' - make_interval(secs => $4)) < $5
         AND (SELECT count(*) FROM "SignInAttempt" WHERE ip = $3 AND "createdAt" >= now() AT TIME ZONE 'UTC' - make_interval(secs => $4)) < $5
       RETURNING id`,
      [randomUUID(), email, ip, SIGN_IN_WINDOW_MS / 1000, MAX_FAILED_SIGN_INS],
    );
    return rows[0]?.id ?? null;
  });
}
