import { publicRoute, readerResponse } from '@/lib/api/reader-response';

export const dynamic = 'force-dynamic';

async function serve(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return readerResponse(request, (await params).slug);
}

export const GET = publicRoute(serve);
