import { requestEnv } from '@/lib/env';

/** Set by the server itself on every request (lib/auth/peer-address.ts): the address of the connection's other end. */
export const PEER_ADDRESS_HEADER = 'x-factmark-peer-address';

/** How many proxies in front of the app append to X-Forwarded-For (FACTMARK_TRUSTED_PROXY_HOPS, default 0). */
function trustedProxyHops(): number {
  return requestEnv().FACTMARK_TRUSTED_PROXY_HOPS;
}

/**
 * The client's address for throttling. With no trusted proxy (the default) it is the connection's own
 * peer and X-Forwarded-For is ignored, since a client writes whatever it likes there. Behind
 * FACTMARK_TRUSTED_PROXY_HOPS = n proxies that each append the address they saw, it is the n-th entry from
 * the end: the one the outermost trusted proxy wrote; entries before it are the client's own words.
 */
export function clientAddress(headers: Headers): string {
  const peer = headers.get(PEER_ADDRESS_HEADER) || null;
  const hops = trustedProxyHops();
  if (hops === 0) return peer ?? 'unknown';
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)] ?? peer ?? 'unknown';
}
