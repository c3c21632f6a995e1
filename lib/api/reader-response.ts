import 'server-only';
import { createHash } from 'node:crypto';
import type { Retraction } from '@/lib/publishing/publication-state';
import { findReaderPage } from '@/lib/data/publications/find-reader-page';
import { findSnapshot } from '@/lib/data/publications/find-snapshot';
import { findVersions } from '@/lib/data/publications/find-versions';
import { getEmbedOrigins } from '@/lib/data/settings/get-embed-origins';
import { retractionNotice } from '@/lib/publishing/page-shell';
import {
  JSONLD_END,
  JSONLD_START,
  NOTICE_SLOT,
  readerCsp,
  type ReaderCspOptions,
} from '@/lib/publishing/render-reader';
import { renderEmbedPage, renderRetractionPage, renderSharePage } from '@/lib/publishing/render-share';
import { renderVersionsPage } from '@/lib/publishing/render-versions';
import { diffPageBetween } from '@/lib/publishing/version-diff-cache';
import { publicOrigin } from '@/lib/publishing/public-origin';
import { RETRY_AFTER_SECONDS, toAppError } from '@/lib/errors';

const cspCache = new Map<string, string>();
// The served text of a version depends only on the version, on which version is the latest and on a retraction.
// Kept as UTF-8 bytes: encoding 15 KB of text with typographic quotes on every request is the largest cost left.
const servedCache = new Map<string, Uint8Array>();
const LATEST_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= 500) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, value);
  return value;
}

// Its policy is the same for every such page (they hold no <style> of their own): worked out once, not per request.
const PLAIN_CSP = readerCsp('');

/** A short page of the reader's own (not found, busy): the reader's styles, no script, nothing else loaded, never cached. */
function plainPage(status: number, title: string, body: string, headers: Record<string, string> = {}): Response {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title}</title><link rel="stylesheet" href="/tokens.css"><link rel="stylesheet" href="/reader.css"></head>` +
    `<body><main>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      ...headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': PLAIN_CSP,
      'Cache-Control': 'no-store',
    },
  });
}

const notFoundPage = () =>
  plainPage(
    404,
    'Not found',
    '<h1>There is no published fact-check at this address.</h1><p><a href="/">Front page</a></p>',
  );

/**
 * A public route handler that answers a database too busy to serve it (pool or transaction wait passed)
 * with 503 and Retry-After, as the API does, instead of a 500.
 */
export function publicRoute<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (toAppError(err)?.code !== 'UNAVAILABLE') throw err;
      return plainPage(503, 'Busy', '<h1>Too many readers at once.</h1><p>Please try again in a few seconds.</p>', {
        'Retry-After': String(RETRY_AFTER_SECONDS),
      });
    }
  };
}

/** A script-free public page with its own hash-based CSP. */
function htmlResponse(
  request: Request,
  html: string,
  etag: string,
  cacheControl: string,
  csp: ReaderCspOptions = {},
): Response {
  const headers = { ETag: etag, 'Cache-Control': cacheControl, 'Content-Security-Policy': readerCsp(html, csp) };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(html, { headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

const retractionTag = (r: Retraction | null) => (r ? `-r${r.at.getTime()}` : '');

/**
 * Serves a stored reader page as is: no rendering per request, no script, strong validators. A version
 * never changes, so /v/{n} is immutable; the latest page is revalidated after a minute (a correction or
 * retraction reaches every instance and cache within that).
 */
export async function readerResponse(request: Request, slug: string, number?: number): Promise<Response> {
  const page = await findReaderPage(slug, number);
  if (!page) return notFoundPage();
  const isLatest = page.number === page.latest;
  if (number === undefined && page.retraction) {
    const snap = await findSnapshot(slug);
    if (!snap) return notFoundPage();
    return htmlResponse(
      request,
      renderRetractionPage(snap.snapshot, page.retraction),
      `"retracted-${page.id}${retractionTag(page.retraction)}"`,
      LATEST_CACHE,
    );
  }
  const etag = `"pub-${page.id}${isLatest ? '' : `-of-${page.latest}`}${retractionTag(page.retraction)}"`;
  // Browsers revalidate the latest page every time (a 304 is cheap); shared caches may keep it a minute.
  const cacheControl =
    number === undefined
      ? LATEST_CACHE
      : isLatest && !page.retraction
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=300';
  const csp = cspCache.get(page.id) ?? remember(cspCache, page.id, readerCsp(page.html));
  const headers = { ETag: etag, 'Cache-Control': cacheControl, 'Content-Security-Policy': csp };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const key = `${page.id}:${page.latest}${retractionTag(page.retraction)}`;
  let bytes = servedCache.get(key);
  if (bytes === undefined) {
    const newer = isLatest
      ? ''
      : `<aside class="newer" role="note">This is version ${page.number}. <a href="/a/${page.slug}">Read the latest version (${page.latest})</a>.</aside>`;
    const notice = (page.retraction ? retractionNotice(page.slug, page.retraction) : '') + newer;
    let html = page.html.replace(NOTICE_SLOT, notice);
    // ClaimReview lives on the latest, standing version only.
    if (!isLatest || page.retraction)
      html = html.slice(0, html.indexOf(JSONLD_START)) + html.slice(html.indexOf(JSONLD_END) + JSONLD_END.length);
    bytes = remember(servedCache, key, new TextEncoder().encode(html));
  }
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
  });
}

/** /a/{slug}/versions: every version with its date and correction note. */
export async function versionsResponse(request: Request, slug: string): Promise<Response> {
  const versions = await findVersions(slug);
  if (!versions) return notFoundPage();
  const etag = `"versions-${versions.versions.length}-${versions.retractions.length}${retractionTag(versions.retraction)}"`;
  const cacheControl = 'public, max-age=0, s-maxage=60';
  if (request.headers.get('if-none-match') === etag)
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });
  return htmlResponse(request, renderVersionsPage(versions, versions.organisation), etag, cacheControl, {
    allowForms: true,
  });
}

/** /a/{slug}/diff?from=&to=: two immutable versions, so the comparison is immutable too. */
export async function diffResponse(request: Request, slug: string): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < 1 || from === to)
    return notFoundPage();
  const [a, b] = await Promise.all([findSnapshot(slug, Math.min(from, to)), findSnapshot(slug, Math.max(from, to))]);
  if (!a || !b) return notFoundPage();
  // The validator names the two publications, so a revalidation is answered without comparing anything.
  const etag = `"diff-${a.id}-${b.id}-of-${b.latest}"`;
  const cacheControl = 'public, max-age=300';
  if (request.headers.get('if-none-match') === etag)
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });
  const page = diffPageBetween(a, b, b.latest);
  return new Response(page.bytes, {
    headers: {
      ETag: etag,
      'Cache-Control': cacheControl,
      'Content-Security-Policy': page.csp,
      'Content-Type': 'text/html; charset=utf-8',
    },
  });
}

/** /a/{slug}/claims/{claimId}: the share page of a claim in the latest version. */
export async function shareResponse(request: Request, slug: string, claimId: string): Promise<Response> {
  const snap = await findSnapshot(slug);
  const claim = snap?.snapshot.claims.find((c) => c.id === claimId);
  if (!snap || !claim) return notFoundPage();
  const html = renderSharePage(snap.snapshot, claim, publicOrigin(), snap.retraction);
  return htmlResponse(request, html, `"share-${snap.id}-${claim.id}${retractionTag(snap.retraction)}"`, LATEST_CACHE);
}

/** /a/{slug}/embed: the compact reader, framable by the origins the admin allowed and no others. */
export async function embedResponse(request: Request, slug: string): Promise<Response> {
  const snap = await findSnapshot(slug);
  if (!snap) return notFoundPage();
  const origins = await getEmbedOrigins();
  const html = renderEmbedPage(snap.snapshot, publicOrigin(), snap.retraction);
  return htmlResponse(
    request,
    html,
    `"embed-${snap.id}${retractionTag(snap.retraction)}-${createHash('sha256').update(origins.join(' ')).digest('hex').slice(0, 12)}"`,
    'public, max-age=0, s-maxage=60',
    { frameAncestors: origins },
  );
}
