// For `npm run bench:hostile` only (404 unless the server was started with FACTMARK_BENCH=1): the delay of
// this server's event loop since the last `?reset`, from `monitorEventLoopDelay`: how long requests stood still.
import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import { benchRoutesEnabled } from '@/lib/env';

export const dynamic = 'force-dynamic';

const globalForBench = globalThis as unknown as {
  factmarkLoopDelay?: IntervalHistogram;
  factmarkLoopSince?: EventLoopUtilization;
  factmarkCpuSince?: NodeJS.CpuUsage;
};
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

export function GET(request: Request) {
  if (!benchRoutesEnabled()) return new Response('Not found', { status: 404 });
  let histogram = globalForBench.factmarkLoopDelay;
  if (!histogram) {
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    globalForBench.factmarkLoopDelay = histogram;
  }
  // How long the main thread ran (not idle) since the reset: its busy time, whatever the other threads did.
  const busy = performance.eventLoopUtilization(globalForBench.factmarkLoopSince);
  // CPU time of the whole process (all threads, the import worker's too): unlike busy time, other processes do not inflate it.
  const cpu = process.cpuUsage(globalForBench.factmarkCpuSince);
  const figures = {
    maxMs: ms(histogram.max),
    p99Ms: ms(histogram.percentile(99)),
    meanMs: ms(histogram.mean),
    samples: histogram.count,
    mainThreadActiveMs: Math.round(busy.active),
    processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
  if (new URL(request.url).searchParams.has('reset')) {
    histogram.reset();
    globalForBench.factmarkLoopSince = performance.eventLoopUtilization();
    globalForBench.factmarkCpuSince = process.cpuUsage();
  }
  return Response.json(figures, { headers: { 'Cache-Control': 'no-store' } });
}
