import { publicRoute, shareResponse } from '@/lib/api/reader-response';

export const dynamic = 'force-dynamic';

async function serve(request: Request, { params }: { params: Promise<{ slug: string; claimId: string }> }) {
  const { slug, claimId } = await params;
  return shareResponse(request, slug, claimId);
}

export const GET = publicRoute(serve);
