/**
 * The client's address for throttling: the X-Forwarded-For entry added by the nearest trusted proxy.
 * Next.js fills the header with the socket address only when it is absent, so without a proxy a client
 * can choose it; behind a proxy that appends the address (as load balancers do) the last entry is
 * right. FACTMARK_TRUSTED_PROXY_HOPS counts further proxies behind that one.
 */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const hops = Math.max(0, Number(process.env.FACTMARK_TRUSTED_PROXY_HOPS ?? 0) || 0);
  return entries[Math.max(0, entries.length - 1 - hops)] ?? headers.get('x-real-ip') ?? 'unknown';
}
