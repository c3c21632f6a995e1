import { getSettings } from '@/lib/data/settings';
import { listPublished } from '@/lib/data/reader';
import { renderAtomFeed } from '@/lib/publishing/render-listing';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const [items, settings] = await Promise.all([listPublished(50), getSettings()]);
  const origin = (process.env.FACTMARK_PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, '');
  return new Response(renderAtomFeed(items, origin, settings.name || 'Factmark'), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=300' },
  });
}
