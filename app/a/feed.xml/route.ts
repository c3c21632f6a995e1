import { publicRoute } from '@/lib/api/reader-response';
import { findPublishedOrganisationName } from '@/lib/data/publications/find-published-organisation-name';
import { listPublished } from '@/lib/data/publications/list-published';
import { publicOrigin } from '@/lib/publishing/public-origin';
import { renderAtomFeed } from '@/lib/publishing/render-listing';

export const dynamic = 'force-dynamic';

async function serve(request: Request) {
  const [items, organisation] = await Promise.all([listPublished(50), findPublishedOrganisationName()]);
  const origin = publicOrigin(new URL(request.url).origin);
  return new Response(renderAtomFeed(items, origin, organisation ?? 'Factmark'), {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=0, s-maxage=300',
    },
  });
}

export const GET = publicRoute(serve);
