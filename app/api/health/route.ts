import { isDatabaseHealthy } from '@/lib/data/health/check-health';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 only when the database answers. */
export async function GET() {
  const ok = await isDatabaseHealthy();
  return Response.json(
    { status: ok ? 'ok' : 'unavailable' },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
