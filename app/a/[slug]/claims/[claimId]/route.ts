import { shareResponse } from '@/lib/api/reader-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string; claimId: string }> }) {
  const { slug, claimId } = await params;
  return shareResponse(request, slug, claimId);
}
