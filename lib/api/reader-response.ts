import 'server-only';
import { findReaderPage } from '@/lib/data/reader';
import { JSONLD_END, JSONLD_START, NOTICE_SLOT, readerCsp } from '@/lib/publishing/render-reader';

const cspCache = new Map<string, string>();
// The served text of a version depends only on the version and on which version is the latest.
const servedCache = new Map<string, string>();

function notFoundPage(): Response {
  return new Response('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>There is no published fact-check at this address.</h1><p><a href="/">Front page</a></p></body></html>', {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'", 'Cache-Control': 'no-store' },
  });
}

/**
 * Serves a stored reader page as is: no rendering per request, no script, strong validators. A version
 * never changes, so /v/{n} is immutable; the latest page is revalidated after a minute (a correction or
 * retraction reaches every instance and cache within that).
 */
export async function readerResponse(request: Request, slug: string, number?: number): Promise<Response> {
  const page = await findReaderPage(slug, number);
  if (!page) return notFoundPage();
  const isLatest = page.number === page.latest;
  const etag = `"pub-${page.id}${isLatest ? '' : `-of-${page.latest}`}"`;
  // Browsers revalidate the latest page every time (a 304 is cheap); shared caches may keep it a minute.
  const cacheControl = number !== undefined ? 'public, max-age=31536000, immutable' : 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
  const csp = cspCache.get(page.id) ?? readerCsp(page.html);
  cspCache.set(page.id, csp);
  const headers = { ETag: etag, 'Cache-Control': number !== undefined && !isLatest ? 'public, max-age=300' : cacheControl, 'Content-Security-Policy': csp };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const key = `${page.id}:${page.latest}`;
  let html = servedCache.get(key);
  if (html === undefined) {
    const notice = isLatest ? '' : `<aside class="newer" role="note">This is version ${page.number}. <a href="/a/${page.slug}">Read the latest version (${page.latest})</a>.</aside>`;
    html = page.html.replace(NOTICE_SLOT, notice);
    if (!isLatest) html = html.slice(0, html.indexOf(JSONLD_START)) + html.slice(html.indexOf(JSONLD_END) + JSONLD_END.length);
    if (servedCache.size >= 500) servedCache.delete(servedCache.keys().next().value ?? '');
    servedCache.set(key, html);
  }
  return new Response(html, { headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}
