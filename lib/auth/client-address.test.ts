import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER } from './client-address';

const request = (xff: string | null, peer = '192.0.2.10') =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(xff === null ? {} : { 'x-forwarded-for': xff }) });

describe('clientAddress', () => {
  afterEach(() => {
    delete process.env.FACTMARK_TRUSTED_PROXY_HOPS;
  });

  it('ignores X-Forwarded-For without a trusted proxy: every spoofed value gives the connection’s address', () => {
    for (const xff of ['6.6.6.6', '6.6.6.6, 203.0.113.7', '203.0.113.8', 'garbage', '']) {
      expect(clientAddress(request(xff))).toBe('192.0.2.10');
    }
    expect(clientAddress(request(null))).toBe('192.0.2.10');
  });

  it('treats a malformed or negative hop count as no proxy', () => {
    for (const hops of ['-1', 'two', '1.5', '']) {
      process.env.FACTMARK_TRUSTED_PROXY_HOPS = hops;
      expect(clientAddress(request('6.6.6.6'))).toBe('192.0.2.10');
    }
  });

  it('behind one proxy takes the address it appended, not one the client wrote first', () => {
    process.env.FACTMARK_TRUSTED_PROXY_HOPS = '1';
    expect(clientAddress(request('6.6.6.6, 203.0.113.7'))).toBe('203.0.113.7');
  });

  it('behind two proxies takes the entry the outer one wrote', () => {
    process.env.FACTMARK_TRUSTED_PROXY_HOPS = '2';
    expect(clientAddress(request('6.6.6.6, 203.0.113.7, 10.0.0.2'))).toBe('203.0.113.7');
  });

  it('falls back to the connection, then says unknown when there is nothing to go on', () => {
    process.env.FACTMARK_TRUSTED_PROXY_HOPS = '1';
    expect(clientAddress(request(null))).toBe('192.0.2.10');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
