// The reader's own short pages: what a reader gets at an unknown address and when the database is too busy.
import { describe, expect, it } from 'vitest';
import { AppError, RETRY_AFTER_SECONDS } from '@/lib/errors';
import { publicRoute, readerResponse } from './reader-response';

describe('reader pages without a publication', () => {
  it('answers an unknown slug with a script-free 404 page that is never cached', async () => {
    const response = await readerResponse(new Request('http://localhost/a/no-such-article'), 'no-such-article');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('There is no published fact-check at this address.');
  });

  it('answers a database too busy to serve the page with 503 and Retry-After instead of an error', async () => {
    const route = publicRoute(() => Promise.reject(new AppError('UNAVAILABLE', 'No connection in time.')));
    const response = await route();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('Too many readers at once.');
  });

  it('lets any other error through to the framework', async () => {
    const route = publicRoute(() => Promise.reject(new AppError('FORBIDDEN', 'No.')));
    await expect(route()).rejects.toThrow('No.');
  });
});
