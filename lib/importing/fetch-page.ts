import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch } from 'undici';
import { AppError } from '@/lib/errors';
import { requestEnv } from '@/lib/env';

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** True for addresses on the public internet: not private, loopback, link-local, multicast or reserved. */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.range() !== 'unicast') return false;
  // IPv6: global unicast (2000::/3) only. Outside it, "unicast" still covers ::/96 (the deprecated
  // IPv4-compatible form: [::127.0.0.1] is [::7f00:1]), which some stacks route to the IPv4 address.
  return addr.kind() === 'ipv4' || (addr as ipaddr.IPv6).match(ipaddr.IPv6.parse('2000::'), 3);
}

/** FACTMARK_ALLOW_PRIVATE_URLS=1 lets imports reach private addresses (tests use it for their own page server). */
const allowsPrivate = () => requestEnv().FACTMARK_ALLOW_PRIVATE_URLS === '1';

const blocked = (what: string) =>
  new AppError(
    'UNPROCESSABLE',
    `Factmark does not fetch addresses in private, loopback or link-local networks (${what}).`,
    [{ path: 'url', message: 'This address points into a private network.' }],
  );

// Checked when the connection is made, so a DNS answer cannot change between check and use.
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 4);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad && !allowsPrivate())
      return callback(
        Object.assign(new Error('blocked address'), { code: 'FACTMARK_BLOCKED', address: bad.address }),
        '',
        4,
      );
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    return first
      ? callback(null, first.address, first.family)
      : callback(new Error(`no address for ${hostname}`), '', 4);
  });
};

let agent: Agent | undefined;
const guardedAgent = () => (agent ??= new Agent({ connect: { lookup: guardedLookup, timeout: FETCH_TIMEOUT_MS } }));

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('UNPROCESSABLE', 'That is not a web address.', [
      { path: 'url', message: 'Enter an http:// or https:// address.' },
    ]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('UNPROCESSABLE', 'Only http and https addresses can be imported.', [
      { path: 'url', message: 'Enter an http:// or https:// address.' },
    ]);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host) && !allowsPrivate()) throw blocked(host);
  return url;
}

function causeCode(err: unknown): string | undefined {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++, e = e.cause as typeof e) if (e.code) return e.code;
  return undefined;
}

export interface FetchedPage {
  url: string;
  html: string;
  /** The response's Content-Type. */
  contentType: string;
}

/**
 * Fetches a web page for import: http(s) only, public addresses only (every redirect re-checked,
 * at most 5), 10 s in all, 5 MB at most, HTML only (or the content types `allowedType` admits).
 */
export async function fetchPage(
  raw: string,
  accept = 'text/html,application/xhtml+xml',
  allowedType = /html|xml/i,
): Promise<FetchedPage> {
  const { url, bytes, contentType } = await fetchBytes(raw, { accept, allowedType, maxBytes: MAX_PAGE_BYTES });
  // A page may carry NUL characters, which PostgreSQL cannot store; they never carry meaning in HTML.
  return { url, html: bytes.toString('utf8').replace(/\u0000/g, ''), contentType };
}

export interface FetchedBytes {
  url: string;
  bytes: Buffer;
  contentType: string;
}

/** fetchPage's rules (http(s), public addresses on every hop, 10 s, a size limit) for any content: the bytes as they came. */
export async function fetchBytes(
  raw: string,
  options: { accept: string; allowedType: RegExp; maxBytes: number },
): Promise<FetchedBytes> {
  const { accept, allowedType, maxBytes } = options;
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  let url = checkUrl(raw);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, {
        dispatcher: guardedAgent(),
        redirect: 'manual',
        signal,
        headers: { accept, 'user-agent': 'Factmark/1 (fact-check importer)' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS)
          throw new AppError('UNPROCESSABLE', 'The page redirects more than 5 times.', [
            { path: 'url', message: 'Too many redirects.' },
          ]);
        url = checkUrl(new URL(location, url).toString());
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new AppError('UNPROCESSABLE', `The page answered ${response.status}.`, [
          { path: 'url', message: `The server answered ${response.status}.` },
        ]);
      }
      const type = response.headers.get('content-type') ?? '';
      if (!allowedType.test(type)) {
        await response.body?.cancel();
        throw new AppError('UNPROCESSABLE', `That address is not a web page (${type || 'no content type'}).`, [
          { path: 'url', message: 'Not an HTML page.' },
        ]);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += (chunk as Uint8Array).byteLength;
        if (size > maxBytes) {
          throw new AppError('UNPROCESSABLE', `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, [
            { path: 'url', message: 'The page is too large.' },
          ]);
        }
        chunks.push(chunk as Uint8Array);
      }
      return { url: url.toString(), bytes: Buffer.concat(chunks), contentType: type };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = causeCode(err);
    if (code === 'FACTMARK_BLOCKED') throw blocked(url.hostname);
    if (signal.aborted || code === 'UND_ERR_CONNECT_TIMEOUT') {
      throw new AppError('UNPROCESSABLE', 'The page did not answer within 10 seconds.', [
        { path: 'url', message: 'The page took too long.' },
      ]);
    }
    throw new AppError('UNPROCESSABLE', `Could not reach ${url.hostname}.`, [
      { path: 'url', message: 'The address could not be reached.' },
    ]);
  }
}
