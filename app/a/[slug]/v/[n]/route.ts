import { publicRoute, readerResponse } from '@/lib/api/reader-response';

export const dynamic = 'force-dynamic';

async function serve(request: Request, { params }: { params: Promise<{ slug: string; n: string }> }) {
  const { slug, n } = await params;
  const number = Number(n);
  if (!/^[1-9]\d{0,5}$/.test(n) || !Number.isSafeInteger(number)) return new Response('Not found', { status: 404 });
  return readerResponse(request, slug, number);
}

export const GET = publicRoute(serve);
