import { publicRoute } from '@/lib/api/reader-response';
import { findPublishedOrganisationName, listPublished } from '@/lib/data/publications/reader';
import { renderAtomFeed } from '@/lib/publishing/render-listing';

export const dynamic = 'force-dynamic';

async function serve(request: Request) {
  const [items, organisation] = await Promise.all([listPublished(50), findPublishedOrganisationName()]);
  const origin = (process.env.FACTMARK_PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, '');
  return new Response(renderAtomFeed(items, origin, organisation ?? 'Factmark'), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=300' },
  });
}

export const GET = publicRoute(serve);
