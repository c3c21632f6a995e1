import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { previewPublication } from '@/lib/data/publications/preview-publication';
import { AppError } from '@/lib/errors';
import { readerCsp } from '@/lib/publishing/render-reader';

export const dynamic = 'force-dynamic';

/** The reader page as publishing now would make it, for the newsroom only; never cached or indexed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/articles/${id}/preview`, 'publishArticles');
  try {
    const html = await previewPublication(actor, id);
    return new Response(html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': readerCsp(html),
        'Cache-Control': 'no-store',
        'X-Robots-Tag': 'noindex',
      },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw err;
  }
}
