// npm run bench:reader — requests per second of the demo's reader page /a/{slug} against (a) a route
// handler of the same app returning a constant string of the same size (the framework's floor) and
// (b) a static file of the same size from public/; and the page weight (gzipped HTML + CSS).
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { projectRoot } from '../scripts/lib/schema-engine';
import { recordResults, round, runBench, startServer } from './support';

const SLUG = 'witkoff-putin-security-guarantees-ukraine';
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

async function rps(url: string): Promise<{ requestsPerSecond: number; p99LatencyMs: number; non2xx: number }> {
  const result = await autocannon({ url, connections: 50, duration: DURATION_S });
  return { requestsPerSecond: round(result.requests.average), p99LatencyMs: result.latency.p99, non2xx: result.non2xx };
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
    // Warm up all three paths once.
    await Promise.all([fetch(`${server.baseURL}/api/bench/constant?size=${html.length}`), fetch(`${server.baseURL}/bench-static.html`)]);

    const served = await fetch(`${server.baseURL}/bench-static.html`);
    if ((await served.text()).length !== html.length) throw new Error('the static file is not served at its new size');
    const reader = await rps(`${server.baseURL}/a/${SLUG}`);
    const floor = await rps(`${server.baseURL}/api/bench/constant?size=${html.length}`);
    const file = await rps(`${server.baseURL}/bench-static.html`);
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
      pageWeightGzipBytes: { html: gzipSync(html).length, css: gzipSync(css).length, script: 0, total: gzipSync(html).length + gzipSync(css).length, target: 50 * 1024 },
    });
  } finally {
    await rm(staticFile, { force: true });
    await server.stop();
  }
}

runBench(main);
