// For `npm run bench:api` only (404 unless the server was started with FACTMARK_BENCH=1): a verdict save
// as bare SQL through `pg`, the floor the real API route is compared with. It authenticates the API token
// as the API does (the actor is the token's user, never a field of the body) and then skips validation,
// the ORM and the DTO.
import { readBodyWithin } from '@/lib/api/body-limit';
import { problemFromError } from '@/lib/api/problem';
import { authorize } from '@/lib/auth/permissions';
import { authenticateToken } from '@/lib/data/users/authenticate-token';
import { saveVerdictRaw } from '@/lib/data/claims/bench-raw-verdict';
import { AppError } from '@/lib/errors';
import { benchRoutesEnabled } from '@/lib/env';

export async function POST(request: Request) {
  if (!benchRoutesEnabled()) return new Response('Not found', { status: 404 });
  try {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token) throw new AppError('UNAUTHENTICATED', 'Send an API token: Authorization: Bearer <token>.');
    const actor = await authenticateToken(token);
    authorize(actor, 'editArticles');
    const raw = await readBodyWithin(request, 64 * 1024);
    const { claimId, baseVersion, shortVerdict } = JSON.parse(new TextDecoder().decode(raw)) as {
      claimId: string;
      baseVersion: number;
      shortVerdict: string;
    };
    const result = await saveVerdictRaw(claimId, actor.id, baseVersion, shortVerdict);
    // Sent like the API's small JSON (uncompressed), so that only the work differs.
    return Response.json(result, { status: result.status, headers: { 'Cache-Control': 'no-store, no-transform' } });
  } catch (err) {
    return problemFromError(err);
  }
}
