import { embedResponse } from '@/lib/api/reader-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return embedResponse(request, (await params).slug);
}
