// For `npm run bench:api` only (404 unless the server was started with FACTMARK_BENCH=1): a verdict save
// as bare SQL through `pg`, the floor the real API route is compared with.
import { readBodyWithin } from '@/lib/api/body-limit';
import { problemFromError } from '@/lib/api/problem';
import { saveVerdictRaw } from '@/lib/data/bench-raw-verdict';

export async function POST(request: Request) {
  if (process.env.FACTMARK_BENCH !== '1') return new Response('Not found', { status: 404 });
  const raw = await readBodyWithin(request, 64 * 1024).catch((err: unknown) => err);
  if (!(raw instanceof Uint8Array)) return problemFromError(raw);
  const { claimId, actorId, baseVersion, shortVerdict } = JSON.parse(new TextDecoder().decode(raw)) as { claimId: string; actorId: string; baseVersion: number; shortVerdict: string };
  const result = await saveVerdictRaw(claimId, actorId, baseVersion, shortVerdict);
  // Sent like the API's small JSON (uncompressed), so that only the work differs.
  return Response.json(result, { status: result.status, headers: { 'Cache-Control': 'no-store, no-transform' } });
}
