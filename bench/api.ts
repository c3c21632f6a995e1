// npm run bench:api — 20 concurrent writers each saving verdicts through the real API (token, validation,
// authorization, Prisma, audit, DTO), against a minimal route handler of the same app that runs the same
// SQL transaction through `pg` directly. Target: API ≥ 0.7 × the raw route.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { recordResults, round, runBench, startServer } from './support';

const WRITERS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const ROUNDS = 6;
// Long enough for V8 to have optimised both paths: shorter warm-ups showed both rates still climbing.
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 8);
const run = promisify(execFile);

async function load(
  label: string,
  write: (claimId: string, baseVersion: number, value: string) => Promise<{ status: number; version?: number }>,
  claims: { id: string; version: number }[],
  seconds: number,
) {
  let done = 0;
  let failed = 0;
  const until = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    claims.map(async (claim, w) => {
      for (let i = 0; Date.now() < until; i++) {
        const result = await write(claim.id, claim.version, `${label} writer ${w} save ${i}`);
        if (result.status === 200 && result.version) {
          claim.version = result.version;
          done++;
        } else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (failed > 0) throw new Error(`${label}: ${failed} saves failed`);
  return round(done / elapsed);
}

async function main() {
  process.env.FACTMARK_BENCH = '1';
  const server = await startServer();
  try {
    const { stdout } = await run(
      process.execPath,
      [
        '--conditions=react-server',
        '--import',
        'tsx',
        'scripts/token-create.ts',
        '--email',
        'editor@example.org',
        '--name',
        'bench',
      ],
      {
        env: { ...process.env, DATABASE_URL: '', FACTMARK_DATA_DIR: server.dataDir },
      },
    );
    const headers = { Authorization: `Bearer ${stdout.trim()}`, 'Content-Type': 'application/json' };
    const body = Array.from({ length: WRITERS }, (_, i) => `Claim ${i} says the rate rose.`).join(' ');
    const article = (await (
      await fetch(`${server.baseURL}/api/v1/articles`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ format: 'text', body }),
      })
    ).json()) as { id: string };
    const ratings = (await (await fetch(`${server.baseURL}/api/v1/ratings`, { headers })).json()) as {
      items: { id: string }[];
    };
    const claims: { id: string; version: number }[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const claim = (await (
        await fetch(`${server.baseURL}/api/v1/articles/${article.id}/claims`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ quote: { exact: `Claim ${i} says` } }),
        })
      ).json()) as { id: string; version: number };
      const rated = (await (
        await fetch(`${server.baseURL}/api/v1/claims/${claim.id}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ baseVersion: claim.version, rating: ratings.items[0]?.id, shortVerdict: 'Start.' }),
        })
      ).json()) as { version: number };
      claims.push({ id: claim.id, version: rated.version });
    }
    const viaApi = async (claimId: string, baseVersion: number, value: string) => {
      const response = await fetch(`${server.baseURL}/api/v1/claims/${claimId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ baseVersion, shortVerdict: value }),
      });
      return { status: response.status, version: ((await response.json()) as { version?: number }).version };
    };
    const viaPg = async (claimId: string, baseVersion: number, value: string) => {
      const body = JSON.stringify({ claimId, baseVersion, shortVerdict: value });
      const response = await fetch(`${server.baseURL}/api/bench/raw-verdict`, { method: 'POST', headers, body });
      return (await response.json()) as { status: number; version?: number };
    };
    // Warm both paths, then alternate them in short rounds (ABBA order) so that drift in the machine's speed
    // falls on both alike; each figure is the mean rate over all its rounds.
    await load('warm-api', viaApi, claims, WARM_SECONDS);
    await load('warm-pg', viaPg, claims, WARM_SECONDS);
    const apiRuns: number[] = [];
    const rawRuns: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['pg', 'api'] as const) : (['api', 'pg'] as const);
      for (const which of order) {
        if (which === 'pg') rawRuns.push(await load('pg', viaPg, claims, SECONDS / ROUNDS));
        else apiRuns.push(await load('api', viaApi, claims, SECONDS / ROUNDS));
      }
    }
    const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const api = mean(apiRuns);
    const rawPg = mean(rawRuns);
    await recordResults('apiWrites', {
      command: 'npm run bench:api',
      writers: WRITERS,
      durationSeconds: SECONDS,
      rps: api,
      rawPgRps: rawPg,
      apiRuns,
      rawPgRuns: rawRuns,
      apiVsRawPg: round(api / rawPg),
      target: { apiVsRawPg: 0.7 },
    });
  } finally {
    await server.stop();
  }
}

runBench(main);
