import { publicRoute, versionsResponse } from '@/lib/api/reader-response';

export const dynamic = 'force-dynamic';

async function serve(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return versionsResponse(request, (await params).slug);
}

export const GET = publicRoute(serve);
