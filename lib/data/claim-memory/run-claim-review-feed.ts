import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { db, pool } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import type { ImportClaimReviewResult } from '@/lib/validation/claim-reviews';
import { FEED_TIME_BUDGET_MS, readClaimReviewUrl } from './read-claim-review-url';
import { storeClaimReviews } from './store-claim-reviews';

/** A run's claim on its feed lapses after this long (a run lasts at most its time budget, plus storing). */
const RUN_LEASE_MS = FEED_TIME_BUDGET_MS + 4 * 60_000;

/** Why a run did not start: another run of the same feed holds it (the page says so as information, not failure). */
export const FEED_BUSY = 'This feed is being refreshed at the moment; its result shows here when that run ends.';

/**
 * Fetches one feed and imports its ClaimReviews; the run's result (or why it failed) is recorded on the feed
 * in the same transaction as the import. Run by the job queue (no actor) and by "Refresh now".
 */
export async function runClaimReviewFeed(
  id: string,
  actor: Actor | null = null,
): Promise<ImportClaimReviewResult | { error: string }> {
  const feed = await db().claimReviewFeed.findUnique({ where: { id }, select: { id: true, url: true } });
  if (!feed) throw notFound('No feed with this id.');
  // One run per feed at a time: the schedule and "Refresh now" (or two instances) would fetch it twice. The
  // lease's start is the run's token: a run that outlived its lease (another took it over) records nothing.
  const { rows } = await pool().query<{ lease: string }>(
    `UPDATE "ClaimReviewFeed" SET "runningSince" = clock_timestamp() WHERE id = $1 AND ("runningSince" IS NULL OR "runningSince" < now() - $2 * interval '1 millisecond')
     RETURNING "runningSince"::text AS lease`,
    [id, RUN_LEASE_MS],
  );
  const lease = rows[0]?.lease;
  if (!lease) return { error: FEED_BUSY };
  const takenOver = () =>
    new AppError(
      'CONFLICT',
      'This refresh ran past its time and another run of the feed took over; that run’s result counts.',
    );
  try {
    const parsed = await readClaimReviewUrl(feed.url);
    return await storeClaimReviews(actor, parsed, {
      sourceUrl: feed.url,
      feedId: feed.id,
      afterStore: async (client, result) => {
        const { rowCount } = await client.query(
          `UPDATE "ClaimReviewFeed" SET "lastRunAt" = now(), "lastResult" = $2::jsonb, "lastError" = NULL, "runningSince" = NULL
           WHERE id = $1 AND "runningSince" = $3::timestamptz`,
          [
            feed.id,
            JSON.stringify({
              imported: result.imported,
              updated: result.updated,
              skipped: result.skipped,
              errors: parsed.errors.length,
              pages: parsed.pages,
            }),
            lease,
          ],
        );
        // Thrown inside the import's transaction: what this run imported is rolled back with it.
        if (rowCount === 0) throw takenOver();
      },
    });
  } catch (err) {
    // Only the product's own refusals (unreachable, too large, not ClaimReview…) are said; anything else is logged.
    const message = err instanceof AppError ? err.message : 'The refresh failed; see the server log.';
    if (!(err instanceof AppError)) console.error('factmark: ClaimReview feed refresh failed:', err);
    await pool().query(
      `UPDATE "ClaimReviewFeed" SET "lastRunAt" = now(), "lastResult" = NULL, "lastError" = $2, "runningSince" = NULL
       WHERE id = $1 AND "runningSince" = $3::timestamptz`,
      [id, message, lease],
    );
    return { error: message };
  }
}
