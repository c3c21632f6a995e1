import 'server-only';
import { sqlTransaction, type SqlClient } from '@/lib/db/sql';
import { timeSlicer } from '@/lib/scheduling/yield-to-loop';
import { createLexicalScorer, type SimilarityScorer } from '@/lib/similarity/scorer';

/** The scorer every search and match uses; an embedding scorer would be chosen here. */
export const claimScorer: SimilarityScorer = createLexicalScorer();

/** Claims rebuilt per request at most: normalising them is CPU on the event loop (about 50 µs a claim). */
export const REFRESH_BATCH = 200;

/** The words a claim is matched on: its quote, the claim as stated and its short form. */
export const matchWords = (c: { exact: string; statedClaim: string; claimReviewed: string }): string =>
  [c.exact, c.statedClaim, c.claimReviewed].filter((s) => s.trim()).join(' \n ');

/**
 * A search spends at most this long catching the index up, waiting for another request's rebuild included (it holds
 * a pool connection meanwhile); what is left then is matched on the next search or by the drain.
 */
export const CATCH_UP_BUDGET_MS = 1_000;
/** The background drain's turn: it gives way after this long, and goes on at its next tick. */
export const DRAIN_TURN_MS = 2_000;

class LockBusy extends Error {}

async function refreshBatch(client: SqlClient, limit: number, waitMs: number): Promise<number> {
  const wait = waitMs > 0;
  // One rebuild at a time, so two rebuilds never lock the same rows in different orders. A search waits for the
  // one running (it may be taking the very claim the search needs), then takes what it left; the background
  // drain only tries.
  if (wait) await client.query(`SET LOCAL lock_timeout = '${Math.ceil(waitMs)}ms'`);
  const { rows: lock } = await client
    .query<{ ok: boolean }>(
      wait
        ? `SELECT true AS ok FROM pg_advisory_xact_lock(hashtextextended('factmark.claim-match-refresh', 0))`
        : `SELECT pg_try_advisory_xact_lock(hashtextextended('factmark.claim-match-refresh', 0)) AS ok`,
    )
    .catch((err: unknown) => {
      if ((err as { code?: string }).code === '55P03') throw new LockBusy(); // lock_timeout
      throw err;
    });
  if (!lock[0]?.ok) return 0;
  // Newest entries first, and every entry of a claim taken (one rebuild serves them all). Entries not yet
  // committed by a save are not seen, and stay for the next rebuild.
  const queued = await client.query<{ claimId: string }>(
    `WITH picked AS (SELECT DISTINCT "claimId" FROM (SELECT "claimId" FROM "ClaimMatchQueue" ORDER BY id DESC LIMIT $1) q)
     DELETE FROM "ClaimMatchQueue" m USING picked WHERE m."claimId" = picked."claimId"
     RETURNING m."claimId"`,
    [limit],
  );
  if (queued.rows.length === 0) return 0;
  const ids = [...new Set(queued.rows.map((r) => r.claimId))];
  const { rows } = await client.query<{
    id: string;
    exact: string;
    statedClaim: string;
    claimReviewed: string;
    claimantName: string | null;
  }>(`SELECT id, exact, "statedClaim", "claimReviewed", "claimantName" FROM "Claim" WHERE id = ANY($1::text[])`, [ids]);
  const originals = rows.map(matchWords);
  // A long claim takes milliseconds to normalise: 200 of them are sliced, never one long hold of the event loop.
  const pause = timeSlicer(10);
  const normalized: string[] = [];
  for (const text of originals) {
    await pause();
    normalized.push(claimScorer.normalize(text));
  }
  await client.query(
    `INSERT INTO "ClaimMatchText" ("claimId", normalized, tokens, original, search, "refreshedAt")
     SELECT c.id, x.normalized, to_tsvector('simple', x.normalized), x.original,
       setweight(to_tsvector(l.cfg, factmark_unaccent(c.exact || ' ' || c."claimReviewed")), 'A') ||
       setweight(to_tsvector(l.cfg, factmark_unaccent(c."statedClaim" || ' ' || coalesce(c."claimantName", '') || ' ' || coalesce(c."claimantRole", ''))), 'B') ||
       setweight(to_tsvector(l.cfg, factmark_unaccent(coalesce(v."shortVerdict", '') || ' ' || coalesce(r.label, ''))), 'C') ||
       setweight(to_tsvector(l.cfg, factmark_unaccent(left(coalesce(jsonb_path_query_array(v.explanation, 'strict $.**.text')::text, ''), 50000))), 'D'),
       now()
     FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, normalized, original)
     JOIN "Claim" c ON c.id = x.id
     JOIN "Article" a ON a.id = c."articleId"
     LEFT JOIN "Verdict" v ON v."claimId" = c.id
     LEFT JOIN "Rating" r ON r.id = v."ratingId"
     CROSS JOIN LATERAL (SELECT factmark_ts_config(a.language) AS cfg) l
     ON CONFLICT ("claimId") DO UPDATE SET normalized = EXCLUDED.normalized, tokens = EXCLUDED.tokens,
       original = EXCLUDED.original, search = EXCLUDED.search, "refreshedAt" = EXCLUDED."refreshedAt"`,
    [rows.map((r) => r.id), normalized, originals],
  );
  // The vocabulary misspelt search words are corrected against (claims' words and claimants' names); in order,
  // and one rebuild at a time (the lock above), so two writers never wait on each other's words.
  await client.query(
    `INSERT INTO "SearchWord" (word) SELECT DISTINCT w FROM unnest($1::text[]) o, factmark_search_words(o) w ORDER BY w ON CONFLICT DO NOTHING`,
    [[...originals, ...rows.flatMap((r) => (r.claimantName ? [r.claimantName] : []))]],
  );
  return ids.length;
}

/**
 * Rebuilds the match text of up to `limit` queued claims (newest changes first), in one transaction: a claim
 * changed meanwhile is queued again by its trigger. Returns how many were taken from the queue.
 */
export function refreshClaimMatchTexts(limit = REFRESH_BATCH, waitMs = CATCH_UP_BUDGET_MS): Promise<number> {
  return sqlTransaction((client) => refreshBatch(client, limit, waitMs)).catch((err: unknown) => {
    if (err instanceof LockBusy) return 0; // another rebuild held on past waitMs: go on with what is built
    throw err;
  });
}

/**
 * Brings the match index up to date before a search or match: batch after batch until the queue is empty,
 * for at most `budgetMs` (a bulk import's thousands of claims are left to the drain). Every claim saved before
 * the search began is matched, unless the budget ran out.
 */
export async function catchUpClaimMatchTexts(budgetMs = CATCH_UP_BUDGET_MS): Promise<void> {
  const deadline = Date.now() + budgetMs;
  for (let left = budgetMs; left > 0; left = deadline - Date.now()) {
    try {
      if ((await refreshClaimMatchTexts(REFRESH_BATCH, left)) === 0) return;
    } catch (err) {
      // A failed rebuild (rolled back: its claims stay queued) must not fail the search: it answers from what is built.
      console.error('factmark: claim match index:', err instanceof Error ? err.message : err);
      return;
    }
  }
}

/**
 * Drains the queue in the background (the job workers run it every few seconds), so an index nobody searched stays
 * fresh: batch after batch for at most `turnMs`, stopping early when `stopping()` says so; never waits for a rebuild
 * under way elsewhere. Returns how many claims it rebuilt.
 */
export async function drainClaimMatchQueue(
  stopping: () => boolean = () => false,
  turnMs = DRAIN_TURN_MS,
): Promise<number> {
  const deadline = Date.now() + turnMs;
  let total = 0;
  while (!stopping() && Date.now() < deadline) {
    const taken = await refreshClaimMatchTexts(REFRESH_BATCH, 0);
    if (taken === 0) break;
    total += taken;
  }
  return total;
}
