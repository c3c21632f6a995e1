import { versionsResponse } from '@/lib/api/reader-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return versionsResponse(request, (await params).slug);
}
