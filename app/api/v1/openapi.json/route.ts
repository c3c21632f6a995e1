import { openApiDocument } from '@/lib/api/openapi';
import { publicOrigin } from '@/lib/publishing/public-origin';

export function GET(request: Request) {
  return Response.json(openApiDocument(publicOrigin(new URL(request.url).origin)), {
    headers: { 'Cache-Control': 'public, max-age=300' },
  });
}
