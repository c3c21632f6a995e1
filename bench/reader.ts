// npm run bench:reader — requests per second of the demo's reader page /a/{slug} against (a) a route
// handler of the same app returning a constant string of the same size (the framework's floor) and
// (b) a static file of the same size from public/; and the page weight (gzipped HTML + CSS).
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { projectRoot } from '@/scripts/lib/schema-engine';
import { recordResults, round, runBench, startServer } from './support';

const SLUG = 'witkoff-putin-security-guarantees-ukraine';
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 12);
const ROUNDS = 4;
const WARM_S = 3;

interface Run {
  requestsPerSecond: number;
  p99LatencyMs: number;
  non2xx: number;
}

async function rps(url: string, seconds: number): Promise<Run> {
  const result = await autocannon({ url, connections: 50, duration: seconds });
  return { requestsPerSecond: round(result.requests.average), p99LatencyMs: result.latency.p99, non2xx: result.non2xx };
}

/** Rounds of one path merged: the mean rate, the worst p99, every non-2xx, and each round's rate. */
function merged(runs: Run[]) {
  return {
    requestsPerSecond: round(runs.reduce((sum, r) => sum + r.requestsPerSecond, 0) / runs.length),
    p99LatencyMs: Math.max(...runs.map((r) => r.p99LatencyMs)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    rounds: runs.map((r) => r.requestsPerSecond),
  };
}

async function main() {
  process.env.FACTMARK_BENCH = '1';
  const staticFile = path.join(projectRoot, 'public', 'bench-static.html');
  // next start lists public/ when it starts: the file must exist before; its size is set once the page is known.
  await writeFile(staticFile, 'x');
  const server = await startServer();
  try {
    const page = await fetch(`${server.baseURL}/a/${SLUG}`);
    const html = Buffer.from(await page.arrayBuffer());
    const css = Buffer.from(await (await fetch(`${server.baseURL}/reader.css`)).arrayBuffer());
    await writeFile(staticFile, 'x'.repeat(html.length));
    // Each path answers once before any is measured.
    await Promise.all([
      fetch(`${server.baseURL}/api/bench/constant?size=${html.length}`),
      fetch(`${server.baseURL}/bench-static.html`),
    ]);

    const served = await fetch(`${server.baseURL}/bench-static.html`);
    if ((await served.text()).length !== html.length) throw new Error('the static file is not served at its new size');
    const readerUrl = `${server.baseURL}/a/${SLUG}`;
    const floorUrl = `${server.baseURL}/api/bench/constant?size=${html.length}`;
    // Both paths warmed under load first, then measured in alternating rounds (ABBA order), so that neither
    // runs while V8 is still optimising and drift in the machine's speed falls on both alike.
    await rps(readerUrl, WARM_S);
    await rps(floorUrl, WARM_S);
    const readerRuns: Run[] = [];
    const floorRuns: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const seconds = DURATION_S / ROUNDS;
      if (round % 2 === 0) {
        readerRuns.push(await rps(readerUrl, seconds));
        floorRuns.push(await rps(floorUrl, seconds));
      } else {
        floorRuns.push(await rps(floorUrl, seconds));
        readerRuns.push(await rps(readerUrl, seconds));
      }
    }
    const reader = merged(readerRuns);
    const floor = merged(floorRuns);
    const file = await rps(`${server.baseURL}/bench-static.html`, DURATION_S / ROUNDS);
    await recordResults('reader', {
      command: 'npm run bench:reader',
      connections: 50,
      durationSeconds: DURATION_S,
      pageBytes: html.length,
      readerPage: reader,
      constantRouteHandler: floor,
      staticFile: file,
      rps: reader.requestsPerSecond,
      floorRps: floor.requestsPerSecond,
      staticRps: file.requestsPerSecond,
      pageWeightGzBytes: gzipSync(html).length + gzipSync(css).length,
      readerVsRouteHandler: round(reader.requestsPerSecond / floor.requestsPerSecond),
      target: { readerVsRouteHandler: 0.9 },
      pageWeightGzipBytes: {
        html: gzipSync(html).length,
        css: gzipSync(css).length,
        script: 0,
        total: gzipSync(html).length + gzipSync(css).length,
        target: 50 * 1024,
      },
    });
  } finally {
    await rm(staticFile, { force: true });
    await server.stop();
  }
}

runBench(main);
