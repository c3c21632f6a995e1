import { embedResponse, publicRoute } from '@/lib/api/reader-response';

export const dynamic = 'force-dynamic';

async function serve(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return embedResponse(request, (await params).slug);
}

export const GET = publicRoute(serve);
