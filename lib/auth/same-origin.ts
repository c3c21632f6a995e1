import { publicUrlEnv } from '@/lib/env';

/** Methods that change state: with a session cookie they must come from the app's own pages. */
export const isUnsafeMethod = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

const first = (value: string | null) => value?.split(',')[0]?.trim() || null;

/** The origins this app answers as: the Host (or the proxy's X-Forwarded-Host) with the protocol, and FACTMARK_PUBLIC_URL. */
function ownOrigins(headers: Headers, requestUrl: string): Set<string> {
  const url = new URL(requestUrl);
  const protocol = first(headers.get('x-forwarded-proto')) ?? url.protocol.replace(/:$/, '');
  const origins = new Set([url.origin]);
  for (const host of [first(headers.get('x-forwarded-host')), headers.get('host')]) {
    if (host) origins.add(`${protocol}://${host}`.toLowerCase());
  }
  const { FACTMARK_PUBLIC_URL } = publicUrlEnv();
  if (FACTMARK_PUBLIC_URL) origins.add(new URL(FACTMARK_PUBLIC_URL).origin);
  return origins;
}

/**
 * Whether a request comes from the app's own pages: its `Origin` is one of the app's origins, or, without
 * an `Origin`, the browser says `Sec-Fetch-Site: same-origin`. A request with neither is not trusted, since
 * the browser would have sent one of them: a same-site page on another port differs in `Origin`.
 */
export function isSameOriginRequest(headers: Headers, requestUrl: string): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return origin !== 'null' && ownOrigins(headers, requestUrl).has(origin.toLowerCase());
  return headers.get('sec-fetch-site') === 'same-origin';
}
