// npm run bench:search — 100,000 generated claims across 5,000 articles (bulk SQL), plus the paraphrase set of
// bench/fixtures: staff search latency (searchNewsroom, p95), "already checked?" latency (findClaimsLike, p95)
// and recall@5 of each paraphrase finding its original claim, through the data functions on a throwaway database;
// then the suggested-claims figures (bench/suggest-figures.ts). `-- --suggest-only` measures those alone, without
// the 100,000 claims, and merges them into the recorded `search` figures. `eventLoopMaxMs` is the process's largest
// event-loop delay while search, similar, suggest and a ClaimReview import run, at the documented input limits too.
// BENCH_ARTICLES=500 runs a reduced size to check: its figures are printed, never recorded in bench/results.json.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createFreshDatabase, dropDatabase, startTestServer } from '@/scripts/testing/test-database';
import { measureSuggestions } from './suggest-figures';
import { percentile, recordResults, round, runBench } from './support';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 5_000);
const CLAIMS_PER_ARTICLE = 20;
const FULL_SIZE = 5_000;

/** Watches the event loop from now on; the returned function stops and answers its largest delay (ms). */
function watchEventLoop(): () => number {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  return () => {
    delay.disable();
    return round(delay.max / 1e6);
  };
}

/** Words of claims (no number repeated), to fill a text up to a limit. */
const longText = (length: number, seed: string) => {
  let text = '';
  for (let i = 0; text.length < length; i++)
    text += `${seed} ${SUBJECTS[i % SUBJECTS.length] ?? ''} in ${PLACES[(i * 7) % PLACES.length] ?? ''} ${CHANGES[i % CHANGES.length] ?? ''} ${i + 3} percent. `;
  return text.slice(0, length).trim();
};

interface Fixture {
  claim: string;
  paraphrases: string[];
}

// Words for the generated claims: a distractor corpus of the same shape as real claims (topic, place, change, number).
const SUBJECTS = [
  'Unemployment',
  'Inflation',
  'Rents',
  'House prices',
  'Crime',
  'Hospital waiting times',
  'Fuel prices',
  'School places',
  'Bus fares',
  'Energy bills',
  'Tax receipts',
  'Public debt',
  'Exports',
  'Imports',
  'Wages',
  'Pensions',
  'Food prices',
  'Homelessness',
  'Road deaths',
  'Obesity',
  'Birth rates',
  'Emissions',
  'Rainfall',
  'Tourism',
  'Broadband coverage',
  'Police numbers',
  'Teacher vacancies',
  'Student debt',
  'Water bills',
  'Childcare costs',
];
const PLACES = [
  'Aberdeen',
  'Accra',
  'Adelaide',
  'Almaty',
  'Antwerp',
  'Arequipa',
  'Asuncion',
  'Bergen',
  'Bilbao',
  'Bologna',
  'Bordeaux',
  'Brno',
  'Bristol',
  'Bursa',
  'Cali',
  'Cebu',
  'Cluj',
  'Cork',
  'Curitiba',
  'Daegu',
  'Dakar',
  'Davao',
  'Dortmund',
  'Durban',
  'Fukuoka',
  'Gdansk',
  'Graz',
  'Guadalajara',
  'Hanoi',
  'Izmir',
  'Kaunas',
  'Kumasi',
  'Lyon',
  'Malmo',
  'Medellin',
  'Mombasa',
  'Nantes',
  'Oporto',
  'Osaka',
  'Perth',
  'Plovdiv',
  'Poznan',
  'Quito',
  'Recife',
  'Riga',
  'Rosario',
  'Salvador',
  'Seville',
  'Split',
  'Surabaya',
  'Tampere',
  'Tartu',
  'Toulouse',
  'Turin',
  'Utrecht',
  'Valparaiso',
  'Vilnius',
  'Wellington',
  'Windhoek',
  'Zaragoza',
];
const CHANGES = [
  'rose by',
  'fell by',
  'increased to',
  'dropped to',
  'doubled to',
  'went up by',
  'declined by',
  'climbed to',
  'grew by',
  'shrank by',
];
const UNITS = [
  ' percent',
  '%',
  ' million',
  ' per cent',
  ' thousand',
  ' billion dollars',
  ' points',
  '',
  ' euros',
  ' pounds',
];
const WHEN = [
  'last year',
  'in 2019',
  'in 2020',
  'in 2021',
  'in 2022',
  'in 2023',
  'since 2010',
  'over five years',
  'this year',
  'in a decade',
];
const CLAIMANTS = [
  'Anna Kowalski',
  'Brian Osei',
  'Carla Mendes',
  'Daniel Weber',
  'Elif Demir',
  'Farah Haddad',
  'Goran Petrovic',
  'Hana Sato',
  'Ivan Horvat',
  'Julia Santos',
];

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;
const pick = (array: string, n: string) => `(${array})[1 + (${n}) % array_length(${array}, 1)]`;

/** Measures the suggestion figures alone and merges them into bench/results.json's `search` entry, leaving the rest as measured. */
async function suggestOnly() {
  const suggest = await measureSuggestions();
  const file = path.join(import.meta.dirname, 'results.json');
  const all = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<
    string,
    Record<string, unknown> | undefined
  >;
  const search = all.search ?? {};
  const target = { ...(search.target as Record<string, number> | undefined), suggestPrecisionAt10: 0.7 };
  all.search = { ...search, ...suggest, target };
  await writeFile(file, `${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(suggest, null, 2)}\n`);
}

async function main() {
  if (process.argv.includes('--suggest-only')) return suggestOnly();
  const fixtures = JSON.parse(
    await readFile(path.join(import.meta.dirname, 'fixtures', 'paraphrases.json'), 'utf8'),
  ) as Fixture[];
  const server = await startTestServer();
  const url = await createFreshDatabase(server.adminUrl, { migrate: true });
  process.env.DATABASE_URL = url;
  const { pool, db } = await import('@/lib/db');
  const { refreshClaimMatchTexts } = await import('@/lib/data/claim-memory/match-index');
  const { searchNewsroom } = await import('@/lib/data/claim-memory/search');
  const { findClaimsLike } = await import('@/lib/data/claim-memory/similar-claims');
  const { searchQuery, MAX_QUERY_LENGTH, MAX_SIMILAR_TEXT_LENGTH } = await import('@/lib/validation/search');
  const { importClaimReviews } = await import('@/lib/data/claim-memory/import-claim-reviews');
  const { MAX_CLAIM_REVIEWS, MAX_DOCUMENT_SIZE, checkDocumentShape } =
    await import('@/lib/importing/claim-review-parse');
  const { warmCheckWorthiness } = await import('@/lib/suggestions/check-worthiness');
  try {
    const user = await db().user.create({ data: { email: 'bench@search.test', name: 'Bench', roles: ['EDITOR'] } });
    const actor = {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: ['EDITOR' as const],
      via: 'session' as const,
    };
    const started = performance.now();
    await pool().query(`SELECT setseed(0.17)`);
    await pool().query(
      `INSERT INTO "Article" (id, title, slug, content, "plainText", language, "updatedAt")
       SELECT 'bench-a-' || g, 'Report ' || g || ': ' || ${pick(sqlArray(SUBJECTS), 'g')} || ' in ' || ${pick(sqlArray(PLACES), 'g * 7')}, 'bench-' || g, '{"type":"doc"}', '', 'en', now() - (g || ' minutes')::interval
       FROM generate_series(1, $1::int) g`,
      [ARTICLES],
    );
    const claimText = `${pick(sqlArray(SUBJECTS), 'k')} || ' in ' || ${pick(sqlArray(PLACES), 'k / 31')} || ' ' || ${pick(sqlArray(CHANGES), 'k / 7')} || ' ' || (1 + (k * 37) % 97) || ${pick(sqlArray(UNITS), 'k / 3')} || ' ' || ${pick(sqlArray(WHEN), 'k / 11')}`;
    await pool().query(
      `INSERT INTO "Claim" (id, "articleId", exact, start, "end", "claimantName", status, "updatedAt")
       SELECT gen_random_uuid()::text, 'bench-a-' || (1 + k / $2::int), t, 0, length(t), ${pick(sqlArray(CLAIMANTS), 'k / 13')},
              (ARRAY['DRAFT','IN_REVIEW','APPROVED']::"ClaimStatus"[])[1 + k % 3], now()
       FROM generate_series(0, $1::int * $2::int - 1) k, LATERAL (SELECT ${claimText} AS t) x`,
      [ARTICLES, CLAIMS_PER_ARTICLE],
    );
    await pool().query(
      `UPDATE "Article" a SET "plainText" = s.text FROM (SELECT "articleId", string_agg(exact, '. ') AS text FROM "Claim" GROUP BY "articleId") s WHERE s."articleId" = a.id`,
    );
    // The paraphrase set's originals, each the one claim of an article of its own.
    const originals: string[] = [];
    for (const [i, f] of fixtures.entries()) {
      const { rows } = await pool().query<{ id: string }>(
        `WITH a AS (INSERT INTO "Article" (id, title, slug, content, "plainText", language, "updatedAt") VALUES ($1, $2, $1, '{"type":"doc"}', $3, 'en', now()) RETURNING id)
         INSERT INTO "Claim" (id, "articleId", exact, start, "end", status, "updatedAt") SELECT gen_random_uuid()::text, a.id, $3, 0, length($3), 'APPROVED', now() FROM a RETURNING id`,
        [`fixture-${i}`, `Fixture ${i}`, f.claim],
      );
      originals.push(rows[0]?.id ?? '');
    }
    const insertedMs = performance.now() - started;
    const indexStarted = performance.now();
    while ((await refreshClaimMatchTexts(2_000)) > 0);
    const indexMs = performance.now() - indexStarted;
    await pool().query('ANALYZE');
    const claims = Number((await pool().query<{ n: string }>('SELECT count(*) AS n FROM "Claim"')).rows[0]?.n ?? 0);
    process.stderr.write(
      `search: ${claims} claims inserted in ${Math.round(insertedMs)} ms, indexed in ${Math.round(indexMs)} ms\n`,
    );

    const queries = [
      ...SUBJECTS.map((s, i) => `${s} ${PLACES[(i * 7) % PLACES.length] ?? ''}`),
      ...PLACES.slice(0, 20),
      ...CLAIMANTS.map((c) => c.split(' ')[1] ?? c),
      'unemplyment',
      'hosptal waiting',
      'Kowalsky',
      'Medelin rents',
      'bread prices Kenya',
      'malaria Lagos',
      'wind farms Denmark',
      'coral reef',
      ...fixtures.slice(0, 30).map((f) => f.claim.split(' ').slice(1, 4).join(' ')),
    ];
    const loopMax: Record<string, number> = {};
    const searchMs: number[] = [];
    let watch = watchEventLoop();
    for (const [i, q] of [...queries.slice(0, 10), ...queries].entries()) {
      const t0 = performance.now();
      await searchNewsroom(actor, searchQuery.parse({ q }));
      if (i >= 10) searchMs.push(performance.now() - t0);
    }
    loopMax.search = watch();

    const similarMs: number[] = [];
    watch = watchEventLoop();
    let found = 0;
    let asked = 0;
    for (const [i, f] of fixtures.entries()) {
      for (const paraphrase of f.paraphrases) {
        const t0 = performance.now();
        const { items } = await findClaimsLike(actor, paraphrase, 5);
        similarMs.push(performance.now() - t0);
        asked++;
        if (items.some((item) => item.claim.id === originals[i])) found++;
        else process.stderr.write(`search: missed “${paraphrase}” → ${items[0]?.claim.quote.exact ?? 'nothing'}\n`);
      }
    }
    loopMax.similar = watch();

    // The documented limits: the largest ClaimReview document (5,000 reviews within 8 MB, read as the route does),
    // then the longest query and the longest "already checked?" text, with those long imported claims among the candidates.
    const perReview = Math.floor(MAX_DOCUMENT_SIZE.characters / MAX_CLAIM_REVIEWS) - 400;
    const document = Array.from({ length: MAX_CLAIM_REVIEWS }, (_, i) => ({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://other-checker.example/${i}`,
      claimReviewed: longText(Math.min(2000, perReview), `Claim ${i}:`),
      author: { '@type': 'Organization', name: 'Other Checker', url: 'https://other-checker.example/' },
      datePublished: '2026-01-02',
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: CLAIMANTS[i % CLAIMANTS.length] } },
    }));
    const body = JSON.stringify(document);
    watch = watchEventLoop();
    const importStarted = performance.now();
    const parsedDocument = JSON.parse(body) as unknown[];
    checkDocumentShape(parsedDocument, 'document');
    const imported = await importClaimReviews(actor, { document: parsedDocument });
    const importMs = performance.now() - importStarted;
    loopMax.importLargestDocument = watch();
    if (imported.imported !== MAX_CLAIM_REVIEWS)
      throw new Error(
        `expected ${MAX_CLAIM_REVIEWS} imported, got ${JSON.stringify({ ...imported, errors: imported.errors.length })}`,
      );

    watch = watchEventLoop();
    const longestQueryMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await searchNewsroom(actor, searchQuery.parse({ q: longText(MAX_QUERY_LENGTH, `q${i}`) }));
      longestQueryMs.push(performance.now() - t0);
    }
    loopMax.searchLongestQuery = watch();
    watch = watchEventLoop();
    const longestSimilarMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await findClaimsLike(actor, longText(MAX_SIMILAR_TEXT_LENGTH, `Claim ${i}:`), 20);
      longestSimilarMs.push(performance.now() - t0);
    }
    loopMax.similarLongestText = watch();
    // As the server does when it starts (instrumentation.ts): compromise's first sentence builds its lexicon.
    warmCheckWorthiness();
    // Measured around the scoring itself (the 12 articles, then 2 MB of text), not the benchmark building its 2 MB text.
    const suggest = await measureSuggestions();
    loopMax.suggest = Math.max(Number(suggest.suggestArticlesEventLoopMaxMs), Number(suggest.suggest2MbEventLoopMaxMs));
    const eventLoopMaxMs = Math.max(...Object.values(loopMax));
    process.stderr.write(`search: event loop max ${eventLoopMaxMs} ms ${JSON.stringify(loopMax)}\n`);
    const figures = {
      command: 'npm run bench:search',
      articles: ARTICLES + fixtures.length,
      claims,
      paraphrases: asked,
      insertMs: round(insertedMs),
      indexMs: round(indexMs),
      searchQueries: searchMs.length,
      searchP50Ms: round(percentile(searchMs, 50)),
      searchP95Ms: round(percentile(searchMs, 95)),
      similarP50Ms: round(percentile(similarMs, 50)),
      similarP95Ms: round(percentile(similarMs, 95)),
      similarRecallAt5: round(found / asked),
      searchLongestQueryMaxMs: round(Math.max(...longestQueryMs)),
      similarLongestTextMaxMs: round(Math.max(...longestSimilarMs)),
      importLargestDocumentMs: round(importMs),
      eventLoopMaxMs,
      eventLoopMaxMsByPath: loopMax,
      ...suggest,
      target: {
        searchP95Ms: 50,
        similarP95Ms: 100,
        similarRecallAt5: 0.9,
        suggestPrecisionAt10: 0.7,
        eventLoopMaxMs: 100,
      },
    };
    if (ARTICLES === FULL_SIZE) await recordResults('search', figures);
    else
      process.stdout.write(
        `${JSON.stringify({ search: figures, recorded: false, why: `BENCH_ARTICLES=${ARTICLES}: a reduced run` }, null, 2)}\n`,
      );
  } finally {
    await db().$disconnect();
    await pool().end();
    await dropDatabase(server.adminUrl, url);
    await server.stop();
  }
}

runBench(main);
