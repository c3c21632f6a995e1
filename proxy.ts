import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/security/csp';

/** Per-request nonce and strict Content-Security-Policy on every page. */
export function proxy(request: NextRequest) {
  // The publish preview is a reader page: it carries the reader's script-free policy.
  if (/^\/articles\/[^/]+\/preview$/.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Reader pages (/a/…) carry their own script-free, cacheable policy.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|api/|a/|a$|reader.css).*)' }],
};
