import { publicRoute } from '@/lib/api/reader-response';
import { getActor } from '@/lib/data/sessions/get-actor';
import { findMedia } from '@/lib/data/media/find-media';

export const dynamic = 'force-dynamic';

// Served as what its bytes are, never sniffed into HTML, with no power to load or run anything.
const SAFE = { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox" } as const;

async function serve(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const media = await findMedia(await getActor(), (await params).id);
  if (!media) {
    return new Response('Not found.', {
      status: 404,
      headers: { ...SAFE, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const etag = `"${media.sha256}"`;
  // A media id's bytes never change; who may see them can (publishing), so only published images go to shared caches.
  const headers = {
    ...SAFE,
    ETag: etag,
    'Cache-Control': media.isPublic ? 'public, max-age=86400' : 'private, max-age=31536000, immutable',
    'Cross-Origin-Resource-Policy': media.isPublic ? 'cross-origin' : 'same-origin',
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(media.bytes), {
    headers: { ...headers, 'Content-Type': media.type, 'Content-Length': String(media.bytes.byteLength) },
  });
}

/** GET /media/{id}: an image an import stored; staff see every article's, readers only those a publication shows. */
export const GET = publicRoute(serve);
