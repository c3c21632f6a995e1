// npm run bench — builds, runs every benchmark one after another (editor, reader, publish, API writes, hostile, search, UX, collaboration, a large live article),
// then writes bench/results.md from bench/results.json and puts that table in README.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '@/scripts/lib/schema-engine';

const benches = [
  'bench:editor',
  'bench:reader',
  'bench:publish',
  'bench:api',
  'bench:hostile',
  'bench:search',
  'bench:ux',
  'bench:collab',
  'bench:collab-large',
];
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

type Results = Record<
  string,
  Record<string, unknown> & {
    measuredAt?: string;
    machine?: { cpus: number; cpu: string; memoryGiB: number; node: string };
  }
>;

const get = (r: Results, pathName: string): unknown =>
  pathName
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), r);

const uxJourneys = {
  markToSubmit: 'mark a phrase, complete verdict with two sources, submit',
  review: 'open the queue, approve the oldest',
  reviewNext: 'then approve the next in the queue',
  publish: 'approved claim to live page',
};
/**
 * `npm run bench:ux` on the interface before the review screen's shortcuts and "next claim" (commit 1ebb6de). The
 * same journeys driven on the interface before issue 15 began (1dc31b7, its claim panel still needing "Save claim")
 * counted the same actions: 15, 3, 2 and 3.
 */
const uxBefore = {
  markToSubmit: { actions: 15, ms: 5218 },
  review: { actions: 3, ms: 2356 },
  reviewNext: { actions: 2, ms: 1128 },
  publish: { actions: 3, ms: 3479 },
};

/** The table README shows: each figure with its target and whether it is met. */
function resultsTable(r: Results): string {
  const rows: [string, string, string, string][] = [];
  const add = (what: string, value: unknown, unit: string, target: string, met: boolean | null) =>
    rows.push([
      what,
      value === undefined ? '—' : `${String(value)} ${unit}`.trim(),
      target,
      met === null ? '' : met ? 'met' : 'missed',
    ]);
  const n = (p: string) => get(r, p) as number | undefined;
  add(
    'Editor: navigation to editable (20,000 words, 1,000 claims)',
    n('editor.openMs'),
    'ms',
    '≤ 1,500 ms',
    n('editor.openMs') !== undefined ? (n('editor.openMs') ?? 0) <= 1500 : null,
  );
  const p95 = n('editor.keystrokeP95Ms');
  const floor = n('editor.bareContentEditableLatencyMs.p95');
  add(
    'Editor: keystroke p95',
    p95,
    'ms',
    `≤ 16 ms (bare contenteditable: ${String(floor ?? '—')} ms)`,
    p95 !== undefined ? p95 <= 16 : null,
  );
  // The measure waits for the next frame: an empty contenteditable scores about 16 ms at p95 by itself.
  const last = rows[rows.length - 1];
  if (last && p95 !== undefined && p95 > 16 && floor !== undefined && p95 - floor <= 1.5)
    last[3] = `missed by ${Math.round((p95 - 16) * 10) / 10} ms; ${Math.round((p95 - floor) * 10) / 10} ms above the floor`;
  const ratio =
    n('reader.rps') && n('reader.floorRps')
      ? Math.round(((n('reader.rps') ?? 0) / (n('reader.floorRps') ?? 1)) * 100) / 100
      : undefined;
  add(
    'Reader /a/{slug}: requests per second',
    n('reader.rps'),
    'req/s',
    `≥ 0.9 × route-handler floor (${String(n('reader.floorRps') ?? '—')}); ratio ${String(ratio ?? '—')}`,
    ratio !== undefined ? ratio >= 0.9 : null,
  );
  add('Static file of the same size', n('reader.staticRps'), 'req/s', 'reference', null);
  add(
    'Reader page weight (HTML + CSS, gzip)',
    n('reader.pageWeightGzBytes'),
    'bytes',
    '≤ 51,200 bytes',
    n('reader.pageWeightGzBytes') !== undefined ? (n('reader.pageWeightGzBytes') ?? 0) <= 51200 : null,
  );
  for (const claims of ['100', '1000', '5000']) {
    const ms = n(`publish.msByClaims.${claims}`);
    add(
      `Publish: ${Number(claims).toLocaleString('en')} claims`,
      ms,
      'ms',
      claims === '1000' ? '≤ 1,000 ms' : 'reported',
      claims === '1000' && ms !== undefined ? ms <= 1000 : null,
    );
  }
  const apiRatio =
    n('apiWrites.rps') && n('apiWrites.rawPgRps')
      ? Math.round(((n('apiWrites.rps') ?? 0) / (n('apiWrites.rawPgRps') ?? 1)) * 100) / 100
      : undefined;
  add(
    'API verdict saves, 20 writers',
    n('apiWrites.rps'),
    'req/s',
    `≥ 0.7 × same SQL through pg (${String(n('apiWrites.rawPgRps') ?? '—')}); ratio ${String(apiRatio ?? '—')}`,
    apiRatio !== undefined ? apiRatio >= 0.7 : null,
  );
  const loopMax = n('hostile.eventLoopMaxMs');
  add(
    'Hostile inputs: largest event-loop delay',
    loopMax,
    'ms',
    '≤ 100 ms',
    loopMax !== undefined ? loopMax <= 100 : null,
  );
  const healthP99 = n('hostile.healthP99Ms');
  add(
    'Hostile inputs: /api/health p99 (reader page p99: ' + String(n('hostile.readerP99Ms') ?? '—') + ' ms)',
    healthP99,
    'ms',
    '≤ 250 ms',
    healthP99 !== undefined ? healthP99 <= 250 : null,
  );
  const serverErrors = n('hostile.serverErrors');
  add(
    'Hostile inputs: 5xx other than 503',
    serverErrors,
    '',
    '0',
    serverErrors !== undefined ? serverErrors === 0 : null,
  );
  const overloadErrors = n('overload.otherServerErrors');
  add(
    `Overload, 100 writers: accepted (503s: ${String(n('overload.unavailable') ?? '—')}, other 5xx: ${String(overloadErrors ?? '—')})`,
    n('overload.acceptedPerSecond'),
    'req/s',
    'other 5xx: 0',
    overloadErrors !== undefined ? overloadErrors === 0 : null,
  );
  const searchP95 = n('search.searchP95Ms');
  add(
    `Search, ${String(n('search.claims') ?? '100,000')} claims: staff search p95 (p50: ${String(n('search.searchP50Ms') ?? '—')} ms)`,
    searchP95,
    'ms',
    '≤ 50 ms',
    searchP95 !== undefined ? searchP95 <= 50 : null,
  );
  const similarP95 = n('search.similarP95Ms');
  add(
    `Already checked? p95 (p50: ${String(n('search.similarP50Ms') ?? '—')} ms)`,
    similarP95,
    'ms',
    '≤ 100 ms',
    similarP95 !== undefined ? similarP95 <= 100 : null,
  );
  const recall = n('search.similarRecallAt5');
  add(
    `Already checked? recall@5 on ${String(n('search.paraphrases') ?? '—')} paraphrases`,
    recall,
    '',
    '≥ 0.9',
    recall !== undefined ? recall >= 0.9 : null,
  );
  const searchLoop = n('search.eventLoopMaxMs');
  add(
    'Search, similar, suggest and ClaimReview import at their input limits: event loop max',
    searchLoop,
    'ms',
    '≤ 100 ms',
    searchLoop !== undefined ? searchLoop <= 100 : null,
  );
  const suggestPrecision = n('search.suggestPrecisionAt10');
  add(
    `Suggested claims: precision of the top 10 per article (recall: ${String(n('search.suggestRecall') ?? '—')})`,
    suggestPrecision,
    '',
    '≥ 0.7',
    suggestPrecision !== undefined ? suggestPrecision >= 0.7 : null,
  );
  for (const [journey, what] of Object.entries(uxJourneys)) {
    const actions = n(`ux.actions.${journey}`);
    const before = uxBefore[journey as keyof typeof uxBefore];
    add(
      `UX: ${what} (${String(n(`ux.ms.${journey}`) ?? '—')} ms)`,
      actions,
      actions === 1 ? 'action' : 'actions',
      `≤ before issue 15 (${before.actions} actions, ${before.ms} ms)`,
      actions !== undefined ? actions <= before.actions : null,
    );
  }
  const convergence = n('collab.convergenceP95Ms');
  add(
    `Live collaboration, ${String(n('collab.clients') ?? 10)} clients typing: edit visible on another client, p95`,
    convergence,
    'ms',
    '≤ 150 ms',
    convergence !== undefined ? convergence <= 150 : null,
  );
  const liveKey = n('collab.keystrokeP95Ms');
  const liveFloor = n('collab.bareContentEditableLatencyMs.p95');
  add(
    'Live collaboration: editor keystroke p95 while they type',
    liveKey,
    'ms',
    `≤ bare contenteditable + 2 ms (${String(liveFloor ?? '—')} ms)`,
    liveKey !== undefined && liveFloor !== undefined ? liveKey <= liveFloor + 2 : null,
  );
  add(
    `Live collaboration: server CPU (database: ${String(n('collab.databaseCpuPercent') ?? '—')} %)`,
    n('collab.serverCpuPercent'),
    '% of a core',
    'reported',
    null,
  );
  add('Live collaboration: bytes persisted per minute', n('collab.persistedBytesPerMinute'), 'bytes', 'reported', null);
  const largeLoop = n('collabLarge.eventLoopMaxMs');
  add(
    `Live collaboration, a 2 MB article opened, saved, reopened: main-thread event loop max (slowest /api/health: ${String(n('collabLarge.healthMaxMs') ?? '—')} ms)`,
    largeLoop,
    'ms',
    '≤ 100 ms',
    largeLoop !== undefined ? largeLoop <= 100 : null,
  );
  const machine = Object.values(r).find((b) => b.machine)?.machine;
  const dates = Object.values(r)
    .map((b) => b.measuredAt)
    .filter(Boolean)
    .sort();
  return [
    `Measured ${dates.at(-1)?.slice(0, 10) ?? '—'} on ${machine ? `${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}` : '—'} (\`npm run bench\`).`,
    '',
    '| Benchmark | Result | Target | |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

async function main() {
  // `--table-only` rewrites the table from the recorded results without measuring.
  if (!process.argv.includes('--table-only')) {
    execFileSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' });
    for (const bench of benches) execFileSync('npm', ['run', bench], { cwd: projectRoot, stdio: 'inherit' });
  }
  const results = JSON.parse(await readFile(path.join(projectRoot, 'bench', 'results.json'), 'utf8')) as Results;
  const table = resultsTable(results);
  await writeFile(path.join(projectRoot, 'bench', 'results.md'), `# Benchmark results\n\n${table}\n`);
  const readmePath = path.join(projectRoot, 'README.md');
  const readme = await readFile(readmePath, 'utf8');
  if (readme.includes(START) && readme.includes(END)) {
    await writeFile(
      readmePath,
      `${readme.slice(0, readme.indexOf(START) + START.length)}\n${table}\n${readme.slice(readme.indexOf(END))}`,
    );
  }
  process.stdout.write(`${table}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
