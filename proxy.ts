import { NextResponse, type NextRequest } from 'next/server';
import { isDeclaredTooLarge, MAX_PAGE_BODY_BYTES, tooLarge } from '@/lib/api/body-limit';
import { problem, problemFromError } from '@/lib/api/problem';
import { isSameOriginRequest, isUnsafeMethod } from '@/lib/auth/same-origin';
import { isDevelopmentServer } from '@/lib/env';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { findAddressProblem, type AddressProblem } from '@/lib/validation/address';

/** 400 for an address no route can read: problem+json under /api, a bare page elsewhere. */
function badAddress(pathname: string, error: AddressProblem): Response {
  const headers = { 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'" };
  if (pathname.startsWith('/api/')) return problem(400, error.message, [error], headers);
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad address</title></head><body><h1>This address is malformed.</h1><p><a href="/">Front page</a></p></body></html>';
  return new Response(html, { status: 400, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

/**
 * A write to a page is a server action: it must come from this site's own pages (Next.js itself lets a
 * request without Origin through) and declare a body Next.js will hold whole. Route handlers under /api
 * check the same in lib/api/route.ts, without the copy of the body Next.js makes for the proxy.
 */
function refuseWrite(request: NextRequest): Response | null {
  if (!isUnsafeMethod(request.method)) return null;
  if (isDeclaredTooLarge(request.headers, MAX_PAGE_BODY_BYTES)) return problemFromError(tooLarge(MAX_PAGE_BODY_BYTES));
  if (!isSameOriginRequest(request.headers, request.url)) {
    return problem(403, 'This form must be sent from this site’s own pages.', [
      { path: '(header) Origin', message: 'Not this site’s origin.' },
    ]);
  }
  return null;
}

/** A server action call: the Next-Action header (scripted), or a multipart form (a form sent without scripts). */
const isServerActionRequest = (request: NextRequest) =>
  request.headers.has('next-action') || /^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '');

/** Per-request nonce and strict Content-Security-Policy on every page; cross-origin or oversized writes refused. */
export function proxy(request: NextRequest) {
  const bad = findAddressProblem(request.nextUrl.pathname, request.nextUrl.searchParams);
  if (bad) return badAddress(request.nextUrl.pathname, bad);
  // Reader, API and media addresses come here only to have their %-escapes checked, or to be refused a server
  // action (matchers below): their pages have none, and Next.js would run one of another page's actions
  // for them (the not-found page's sign-out, say), answering a cross-origin one with a 500.
  if (/^\/(a|api|media)(\/|$)/.test(request.nextUrl.pathname)) {
    if (isServerActionRequest(request))
      return problem(400, 'Forms are not sent to this address.', [
        { path: '(header) Next-Action', message: 'No server action is served here.' },
      ]);
    return NextResponse.next();
  }
  const refused = refuseWrite(request);
  if (refused) return refused;
  // The publish preview is a reader page: it carries the reader's script-free policy.
  if (/^\/articles\/[^/]+\/preview$/.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, isDevelopmentServer());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // The front page and the rating scale are public: the layout gives them the reader's header (set on every request, so a client's own value never counts).
  requestHeaders.set('x-factmark-area', /^\/(ratings\/?)?$/.test(request.nextUrl.pathname) ? 'public' : 'newsroom');
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Reader pages (/a/…) carry their own script-free, cacheable policy.
  matcher: [
    { source: '/((?!_next/static|_next/image|favicon.ico|api/|a/|a$|reader.css|tokens.css).*)' },
    // Reader and API addresses with a %-escape: Next's router answers an undecodable one with a 500.
    { source: '/:area(a|api)/:rest(.*%.*)' },
    // Server actions sent to reader or API addresses (refused).
    { source: '/:area(a|api)/:rest*', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/:area(a|api)/:rest*', has: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
