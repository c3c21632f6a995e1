import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { pool } from '@/lib/db';
import { websearchInput } from '@/lib/db/websearch';
import type { SearchHitDto, SearchQuery, SearchResultDto } from '@/lib/validation/search';
import { MARK_END, MARK_START, splitMarks } from '@/lib/similarity/highlights';
import { catchUpClaimMatchTexts } from './match-index';

const HEADLINE_OPTIONS = `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;
// The expression ImportedClaim_search_idx indexes (migration 20261130100000_imported_claims).
const IMPORTED_VECTOR = `to_tsvector('simple', factmark_unaccent(i."claimReviewed" || ' ' || coalesce(i.claimant, '') || ' ' || i."publisherName"))`;
const clean = (sql: string) => `translate(${sql}, chr(2) || chr(3), '  ')`;

/** Best-ranked matches a filtered claim search joins and filters at most: a word in every claim stays bounded work. */
const MAX_FILTERED = 5000;

/** Queries up to this long fall back to trigrams when full-text search finds nothing. */
export const MAX_FUZZY_CHARS = 64;

let configCache: { at: number; configs: string[] } | null = null;

/** The text search configurations in use (one per article language, plus 'simple'), kept for a minute. */
async function configsInUse(): Promise<string[]> {
  if (configCache && Date.now() - configCache.at < 60_000) return configCache.configs;
  const { rows } = await pool().query<{ cfg: string }>(
    `SELECT DISTINCT factmark_ts_config(language)::text AS cfg FROM "Article"`,
  );
  const configs = [...new Set(['simple', 'english', ...rows.map((r) => r.cfg)])].filter((c) => /^[a-z_]+$/.test(c));
  configCache = { at: Date.now(), configs };
  return configs;
}

class Params {
  values: unknown[] = [];
  private shared = new Map<string, string>();
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /**
   * A value several parts may use, added where first used: PostgreSQL cannot type a parameter that no part of
   * the statement uses, and refuses the whole statement.
   */
  use(key: string, value: unknown): string {
    const known = this.shared.get(key);
    if (known) return known;
    const placeholder = this.add(value);
    this.shared.set(key, placeholder);
    return placeholder;
  }
}

const claimStates: Record<string, string> = {
  draft: 'DRAFT',
  in_review: 'IN_REVIEW',
  changes_requested: 'CHANGES_REQUESTED',
  approved: 'APPROVED',
};
const articleStates: Record<string, string> = { draft: 'DRAFT', published: 'PUBLISHED', retracted: 'RETRACTED' };

/**
 * Staff search over articles, claims (quote, stated claim, short form, claimant, verdict, explanation) and
 * sources: full text in each article's language with weighted fields, plus trigrams for misspellings and
 * partial names. Best first; `cursor` is the offset of the next page.
 */
export async function searchNewsroom(actor: Actor | null, query: SearchQuery): Promise<SearchResultDto> {
  authorize(actor, 'readNewsroom');
  await catchUpClaimMatchTexts();
  // The misspelling fallback runs only when full-text search finds nothing, and the cursor remembers which of the
  // two a listing is. Misspellings and partial names are short: long queries are not corrected.
  const canFuzzy = query.q.length <= MAX_FUZZY_CHARS;
  const fuzzy = canFuzzy && (query.cursor?.startsWith('f') ?? false);
  const offset = Number(query.cursor?.replace('f', '') ?? 0);
  if (!fuzzy) {
    const exact = await runSearch(query, null, offset);
    if (exact.items.length > 0 || offset > 0 || !canFuzzy) return exact;
  }
  const corrected = await correctWords(query.q);
  const result = await runSearch(query, { corrected }, fuzzy ? offset : 0);
  return corrected && corrected !== normalizeWords(query.q) ? { ...result, correctedQuery: corrected } : result;
}

const normalizeWords = (q: string) =>
  q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3)
    .join(' ');

/**
 * Each word of the query (3 letters or more) replaced by the closest word claims are written in (trigram
 * similarity against the vocabulary, SearchWord), in the query's order; null when no word has a close one.
 * "unemplyment" → "unemployment", "Kowalsky" → "kowalski".
 */
async function correctWords(q: string): Promise<string | null> {
  const { rows } = await pool().query<{ corrected: string | null }>(
    `SELECT string_agg(c.word, ' ' ORDER BY x.n) AS corrected
     FROM (SELECT w, min(n) AS n FROM regexp_split_to_table(lower(factmark_unaccent($1)), '[^[:alnum:]]+') WITH ORDINALITY AS s(w, n)
           WHERE length(w) >= 3 GROUP BY w) x
     CROSS JOIN LATERAL (SELECT word FROM "SearchWord" WHERE word % x.w ORDER BY word <-> x.w, word LIMIT 1) c`,
    [q],
  );
  return rows[0]?.corrected ?? null;
}

/** One listing: full text (`correction` null), or the misspelling fallback: claims by the corrected words, the rest by trigrams. */
async function runSearch(
  query: SearchQuery,
  correction: { corrected: string | null } | null,
  offset: number,
): Promise<SearchResultDto> {
  const fuzzy = correction !== null;
  const configs = await configsInUse();
  const p = new Params();
  const text = websearchInput(query.q.toLowerCase());
  const corrected = correction?.corrected ? p.add(correction.corrected) : null;
  const tq = fuzzy
    ? corrected
      ? configs.map((c) => `plainto_tsquery('${c}', ${corrected})`).join(' || ')
      : `''::tsquery`
    : configs.map((c) => `websearch_to_tsquery('${c}', factmark_unaccent(${p.use('q', text)}))`).join(' || ');
  const uq = () => `factmark_unaccent(${p.use('q', text)})`;
  const from = () => (query.from ? p.use('from', new Date(query.from)) : null);
  const to = () =>
    query.to ? p.use('to', new Date(query.to.length === 10 ? `${query.to}T23:59:59.999Z` : query.to)) : null;
  const dateWhere = (column: string) =>
    `${query.from ? ` AND ${column} >= ${from()}` : ''}${query.to ? ` AND ${column} <= ${to()}` : ''}`;
  const claimOnly =
    !!(query.rating || query.claimant) ||
    (query.state !== undefined && claimStates[query.state] !== undefined && query.type === 'claim');
  const wants = (type: 'article' | 'claim' | 'source') =>
    query.type
      ? query.type === type
      : type === 'claim' || (!claimOnly && (type === 'article' || !(query.state || query.factChecker)));

  // Each part answers only its best `top` rows (the page and one more past the offset): ranking is cheap on stored
  // or short vectors, and only those rows are joined, so a word found in tens of thousands of claims costs a
  // ranking of them, not a join of each.
  const top = () => p.use('top', offset + query.limit + 1);
  const parts: string[] = [];
  if (wants('article')) {
    const state = query.state ? articleStates[query.state] : undefined;
    if (!query.state || state) {
      const where = `a."deletedAt" IS NULL
          ${state ? `AND a.status = ${p.add(state)}::"ArticleStatus"` : ''}
          ${query.factChecker ? `AND a."factCheckerId" = ${p.add(query.factChecker)}` : ''}${dateWhere('a."updatedAt"')}`;
      const head = 'factmark_article_head(a.language, a.title, a.byline, a.publisher)';
      parts.push(
        fuzzy
          ? `(SELECT 'article' AS type, a.id, a.title, 0.5 * word_similarity(${uq()}, lower(factmark_unaccent(a.title))) AS score
        FROM "Article" a WHERE ${uq()} <% lower(factmark_unaccent(a.title)) AND ${where} ORDER BY score DESC, a.id LIMIT ${top()})`
          : // Ranked by the head (title, byline, publisher; its own index): an article found only in its text
            // ranks below every head match, newest first, without building each text's vector again.
            `(SELECT 'article' AS type, x.id, x.title, max(x.score) AS score FROM (
          (SELECT a.id, a.title, 0.05 + ts_rank_cd(${head}, t.tq) AS score FROM "Article" a, t
            WHERE ${head} @@ t.tq AND ${where} ORDER BY score DESC, a.id LIMIT ${top()})
          UNION ALL
          (SELECT a.id, a.title, 50.0 / (1000 + row_number() OVER (ORDER BY a."updatedAt" DESC, a.id)) AS score FROM "Article" a, t
            WHERE factmark_article_search(a.language, a.title, a.byline, a.publisher, a."plainText") @@ t.tq AND ${where}
            ORDER BY a."updatedAt" DESC, a.id LIMIT ${top()})) x GROUP BY x.id, x.title ORDER BY score DESC, x.id LIMIT ${top()})`,
      );
    }
  }
  // Claims by their words: in the fallback, the corrected words (the claims' vocabulary includes claimants' names).
  if (wants('claim') && (!fuzzy || corrected)) {
    const claimState = query.state ? claimStates[query.state] : undefined;
    const articleState = query.state ? articleStates[query.state] : undefined;
    const claimant = query.claimant ? p.add(query.claimant.toLowerCase()) : null;
    const filtered = !!(
      claimState ||
      articleState ||
      query.rating ||
      query.factChecker ||
      claimant ||
      query.from ||
      query.to
    );
    // Without filters the stored vectors are ranked first and only the best are joined; with filters the best
    // MAX_FILTERED matches are joined and filtered (a rare rating's claims are found among them, not cut off by a
    // page-sized limit taken before the filter).
    // Deleted claims (and claims of deleted articles) keep their match text for a restore: they are left out as a
    // set, small and read through partial indexes, instead of a join per match.
    const hits = filtered
      ? `SELECT "claimId" AS id, ts_rank_cd(search, t.tq) AS rank FROM "ClaimMatchText", t WHERE search @@ t.tq
         ORDER BY rank DESC, "claimId" LIMIT ${MAX_FILTERED}`
      : `SELECT "claimId" AS id, ts_rank_cd(search, t.tq) AS rank FROM "ClaimMatchText", t WHERE search @@ t.tq
           AND "claimId" NOT IN (SELECT id FROM "Claim" WHERE "deletedAt" IS NOT NULL
             UNION ALL SELECT c.id FROM "Article" a JOIN "Claim" c ON c."articleId" = a.id WHERE a."deletedAt" IS NOT NULL)
         ORDER BY rank DESC, "claimId" LIMIT ${top()}`;
    parts.push(`(SELECT 'claim' AS type, c.id, coalesce(nullif(c."claimReviewed", ''), left(c.exact, 160)) AS title,
        ${fuzzy ? '0.5 * ' : ''}hit.rank AS score
      FROM (${hits}) hit
      JOIN "Claim" c ON c.id = hit.id
      JOIN "Article" a ON a.id = c."articleId"
      ${query.rating ? `JOIN "Verdict" v ON v."claimId" = c.id AND v."ratingId" = ${p.add(query.rating)}` : ''}
      WHERE c."deletedAt" IS NULL AND a."deletedAt" IS NULL
        ${claimState ? `AND c.status = ${p.add(claimState)}::"ClaimStatus"` : ''}
        ${articleState ? `AND a.status = ${p.add(articleState)}::"ArticleStatus"` : ''}
        ${query.factChecker ? `AND a."factCheckerId" = ${p.add(query.factChecker)}` : ''}
        ${
          claimant
            ? `AND (lower(factmark_unaccent(coalesce(c."claimantName", ''))) LIKE '%' || factmark_unaccent(${claimant}) || '%'
                         OR factmark_unaccent(${claimant}) <% lower(factmark_unaccent(coalesce(c."claimantName", ''))))`
            : ''
        }${dateWhere('c."updatedAt"')}
      ORDER BY score DESC, c.id LIMIT ${top()})`);
  }
  if (wants('claim') && !query.state && !query.rating && !query.factChecker) {
    // Other fact-checkers' imported claims: their words, claimant and publisher ('simple' words, as indexed).
    const claimant = query.claimant ? p.add(query.claimant.toLowerCase()) : null;
    parts.push(`SELECT 'imported' AS type, i.id, i."claimReviewed" AS title,
        ${fuzzy ? `0.5 * word_similarity(${uq()}, lower(factmark_unaccent(i."claimReviewed")))` : `ts_rank_cd(${IMPORTED_VECTOR}, t.tq)`} AS score
      FROM "ImportedClaim" i, t
      WHERE ${fuzzy ? `${uq()} <% lower(factmark_unaccent(i."claimReviewed"))` : `${IMPORTED_VECTOR} @@ t.tq`}
        ${claimant ? `AND lower(factmark_unaccent(coalesce(i.claimant, ''))) LIKE '%' || factmark_unaccent(${claimant}) || '%'` : ''}${dateWhere('i."updatedAt"')}`);
  }
  if (wants('source')) {
    parts.push(`SELECT 'source' AS type, s.id, s.title,
        ${fuzzy ? `0.5 * word_similarity(${uq()}, lower(factmark_unaccent(s.title || ' ' || coalesce(s.publisher, ''))))` : 'ts_rank_cd(factmark_source_search(s.title, s.publisher, s.url), t.tq)'} AS score
      FROM "Source" s, t
      WHERE ${fuzzy ? `${uq()} <% lower(factmark_unaccent(s.title || ' ' || coalesce(s.publisher, '')))` : 'factmark_source_search(s.title, s.publisher, s.url) @@ t.tq'}
        ${dateWhere('s."createdAt"')}`);
  }
  if (parts.length === 0) return { items: [], nextCursor: null };
  const limit = p.add(query.limit + 1);
  const skip = p.add(offset);
  const { rows } = await pool().query<{
    type: SearchHitDto['type'];
    id: string;
    title: string;
    score: number;
    snippet: string | null;
    url: string;
  }>(
    `WITH t AS (SELECT (${tq}) AS tq),
     hits AS (SELECT * FROM (${parts.join('\nUNION ALL\n')}) u ORDER BY score DESC, type, id LIMIT ${limit} OFFSET ${skip})
     SELECT h.type, h.id, h.title, h.score::float8 AS score,
       CASE h.type
         WHEN 'article' THEN (SELECT ts_headline(factmark_ts_config(a.language), ${clean(`left(a."plainText", 20000)`)}, t.tq, ${HEADLINE_OPTIONS}) FROM "Article" a WHERE a.id = h.id)
         WHEN 'claim' THEN (SELECT ts_headline(factmark_ts_config(a.language),
             ${clean(`c.exact || coalesce(' — ' || nullif(c."claimantName", ''), '') || coalesce(' · ' || nullif(v."shortVerdict", ''), '')`)}, t.tq, ${HEADLINE_OPTIONS})
           FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" LEFT JOIN "Verdict" v ON v."claimId" = c.id WHERE c.id = h.id)
         WHEN 'imported' THEN (SELECT ts_headline('simple', ${clean(`i."claimReviewed" || ' — ' || i."ratingLabel" || ' · ' || i."publisherName" || coalesce(' · ' || i.claimant, '')`)}, t.tq, ${HEADLINE_OPTIONS})
           FROM "ImportedClaim" i WHERE i.id = h.id)
         ELSE (SELECT ts_headline('simple', ${clean(`coalesce(s.publisher || ' · ', '') || s.url`)}, t.tq, ${HEADLINE_OPTIONS}) FROM "Source" s WHERE s.id = h.id)
       END AS snippet,
       CASE h.type WHEN 'article' THEN '/articles/' || h.id WHEN 'claim' THEN '/review/' || h.id
         WHEN 'imported' THEN (SELECT i.url FROM "ImportedClaim" i WHERE i.id = h.id)
         ELSE (SELECT s.url FROM "Source" s WHERE s.id = h.id) END AS url
     FROM hits h, t ORDER BY h.score DESC, h.type, h.id`,
    p.values,
  );
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => {
      const { text, highlights } = splitMarks(r.snippet ?? '');
      return {
        type: r.type,
        id: r.id,
        title: r.title.replaceAll(MARK_START, ' ').replaceAll(MARK_END, ' '),
        snippet: text,
        highlights,
        url: r.url,
        score: Math.round(r.score * 1000) / 1000,
      };
    }),
    nextCursor: rows.length > query.limit ? `${fuzzy ? 'f' : ''}${offset + query.limit}` : null,
  };
}
