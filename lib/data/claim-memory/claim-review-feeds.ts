import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { db, pool } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { AppError, notFound } from '@/lib/errors';
import type { ClaimReviewFeedDto, ImportClaimReviewResult } from '@/lib/validation/claim-reviews';
import { FEED_TIME_BUDGET_MS, readClaimReviewUrl, storeClaimReviews } from './import-claim-reviews';

/** A run's claim on its feed lapses after this long (a run lasts at most its time budget, plus storing). */
const RUN_LEASE_MS = FEED_TIME_BUDGET_MS + 4 * 60_000;

type FeedRow = {
  id: string;
  url: string;
  createdAt: Date;
  lastRunAt: Date | null;
  lastResult: unknown;
  lastError: string | null;
  _count: { claims: number };
};

function feedDto(f: FeedRow): ClaimReviewFeedDto {
  const r = f.lastResult as {
    imported?: number;
    updated?: number;
    skipped?: number;
    errors?: number;
    pages?: number;
  } | null;
  return {
    id: f.id,
    url: f.url,
    createdAt: f.createdAt.toISOString(),
    lastRunAt: f.lastRunAt?.toISOString() ?? null,
    lastResult: r
      ? {
          imported: r.imported ?? 0,
          updated: r.updated ?? 0,
          skipped: r.skipped ?? 0,
          errors: r.errors ?? 0,
          pages: r.pages ?? 1,
        }
      : null,
    lastError: f.lastError,
    claims: f._count.claims,
  };
}

const withCount = { _count: { select: { claims: true } } } as const;

/** The ClaimReview feeds refreshed on a schedule, oldest first (admins). */
export async function listClaimReviewFeeds(actor: Actor | null): Promise<ClaimReviewFeedDto[]> {
  authorize(actor, 'manageClaimReviewFeeds');
  const feeds = await db().claimReviewFeed.findMany({
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: withCount,
  });
  return feeds.map(feedDto);
}

export async function addClaimReviewFeed(actor: Actor | null, url: string): Promise<ClaimReviewFeedDto> {
  authorize(actor, 'manageClaimReviewFeeds');
  const listed = () =>
    new AppError('CONFLICT', 'This feed is already listed.', [{ path: 'url', message: 'Already listed.' }]);
  // The same feed added at the same moment is missed by the check (not yet committed); its unique index answers.
  return db()
    .$transaction(async (tx) => {
      if (await tx.claimReviewFeed.findUnique({ where: { url }, select: { id: true } })) throw listed();
      const feed = await tx.claimReviewFeed.create({ data: { url, createdById: actor.id }, include: withCount });
      await recordAudit(tx, actor, {
        action: 'claimreview-feed.added',
        entityType: 'ClaimReviewFeed',
        entityId: feed.id,
        after: { url },
      });
      return feedDto(feed);
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err, 'url') ? listed() : err;
    });
}

/** Stops refreshing a feed; the claims it imported stay (they are other fact-checkers' published work). */
export async function removeClaimReviewFeed(actor: Actor | null, id: string): Promise<void> {
  authorize(actor, 'manageClaimReviewFeeds');
  await db().$transaction(async (tx) => {
    const feed = await tx.claimReviewFeed.findUnique({ where: { id } });
    if (!feed) throw notFound('No feed with this id.');
    await tx.claimReviewFeed.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: 'claimreview-feed.removed',
      entityType: 'ClaimReviewFeed',
      entityId: id,
      before: { url: feed.url },
    });
  });
}

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

/** "Refresh now" on the admin page: the same run as the schedule's, at once. */
export async function refreshClaimReviewFeedNow(
  actor: Actor | null,
  id: string,
): Promise<ImportClaimReviewResult | { error: string }> {
  authorize(actor, 'manageClaimReviewFeeds');
  return runClaimReviewFeed(id, actor);
}

/** Every feed's id, for the scheduled refresh (the job queue, no actor). */
export async function listClaimReviewFeedIds(): Promise<string[]> {
  return (await db().claimReviewFeed.findMany({ select: { id: true }, orderBy: { createdAt: 'asc' } })).map(
    (f) => f.id,
  );
}
