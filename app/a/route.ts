import { publicRoute } from '@/lib/api/reader-response';
import { findPublishedOrganisationName, listPublished } from '@/lib/data/reader';
import { renderListing } from '@/lib/publishing/render-listing';

export const dynamic = 'force-dynamic';
const PAGE_SIZE = 20;

/** /a: every published fact-check, newest first, paged; plain HTML without script, like the reader pages. */
async function serve(request: Request) {
  const page = Math.max(1, Math.min(10_000, Number(new URL(request.url).searchParams.get('page')) || 1));
  const [items, organisation] = await Promise.all([listPublished(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE), findPublishedOrganisationName()]);
  // The organisation's name as published, like everything else here: a name typed in Settings shows with the next publication.
  const html = renderListing(items.slice(0, PAGE_SIZE), page, items.length > PAGE_SIZE, organisation ?? 'Factmark');
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'Cache-Control': 'public, max-age=0, s-maxage=60',
    },
  });
}

export const GET = publicRoute(serve);
