// For `npm run bench:reader` only: the framework's floor, a constant body of a given size from a route
// handler. It answers 404 unless the server was started with FACTMARK_BENCH=1.
import { benchRoutesEnabled } from '@/lib/env';
const bodies = new Map<number, string>();

export function GET(request: Request) {
  if (!benchRoutesEnabled()) return new Response('Not found', { status: 404 });
  const size = Math.min(1_000_000, Math.max(1, Number(new URL(request.url).searchParams.get('size')) || 1000));
  let body = bodies.get(size);
  if (!body) {
    body = 'x'.repeat(size);
    bodies.set(size, body);
  }
  return new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
