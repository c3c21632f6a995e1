import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  afterEach(() => {
    delete process.env.FACTMARK_TRUSTED_PROXY_HOPS;
  });

  it('takes the address the nearest proxy appended, not one the client wrote first', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('skips the configured number of further proxies', () => {
    process.env.FACTMARK_TRUSTED_PROXY_HOPS = '1';
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' }))).toBe('203.0.113.7');
  });

  it('says unknown when there is nothing to go on', () => {
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
