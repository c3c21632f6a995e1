import { NextRequest } from 'next/server';
import { MAX_AUTH_BODY_BYTES, readBodyWithin } from '@/lib/api/body-limit';
import { problem, problemFromError } from '@/lib/api/problem';
import { handlers } from '@/lib/data/sessions/next-auth';
import { isAuthEndpointOpen } from '@/lib/auth/auth-endpoints';
import { SIGN_IN_WINDOW_MS } from '@/lib/data/sessions/reserve-sign-in-attempt';

const closed = () => problem(404, 'Not found. Sign in at /sign-in and out at /sign-out.');

export async function GET(request: NextRequest) {
  if (!isAuthEndpointOpen('GET', request.nextUrl.pathname)) return closed();
  return handlers.GET(request);
}

/**
 * Auth.js gets the body only after it was read within a few kilobytes; password sign-ins over HTTP get a
 * plain 429 once an account or address is throttled.
 */
export async function POST(request: NextRequest) {
  if (!isAuthEndpointOpen('POST', request.nextUrl.pathname)) return closed();
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyWithin(request, MAX_AUTH_BODY_BYTES);
  } catch (err) {
    return problemFromError(err);
  }
  const bounded = new NextRequest(request.url, { method: 'POST', headers: request.headers, body });
  const response = await handlers.POST(bounded);
  const location = response.headers.get('location') ?? '';
  if (request.nextUrl.pathname.endsWith('/callback/credentials') && /[?&]code=throttled(&|$)/.test(location)) {
    return problem(429, 'Too many failed sign-ins. Try again in 15 minutes.', [], {
      'Retry-After': String(SIGN_IN_WINDOW_MS / 1000),
    });
  }
  return response;
}
