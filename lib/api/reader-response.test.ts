// The reader's own short pages: what a reader gets at an unknown address and when the database is too busy.
import { describe, expect, it } from 'vitest';
import { AppError, RETRY_AFTER_SECONDS } from '@/lib/errors';
import { publicRoute, readerResponse } from './reader-response';

/** No script of any kind, the reader's own stylesheets only, no framing. */
function expectScriptFree(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'none'");
  expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
}

describe('reader pages without a publication', () => {
  it("answers an unknown slug with a script-free 404 page in the reader's styles that is never cached", async () => {
    const response = await readerResponse(new Request('http://localhost/a/no-such-article'), 'no-such-article');
    expect(response.status).toBe(404);
    expectScriptFree(response);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('There is no published fact-check at this address.');
  });

  it('answers a database too busy to serve the page with 503 and Retry-After instead of an error', async () => {
    const route = publicRoute(() => Promise.reject(new AppError('UNAVAILABLE', 'No connection in time.')));
    const response = await route();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expectScriptFree(response);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('Too many readers at once.');
  });

  it('lets any other error through to the framework', async () => {
    const route = publicRoute(() => Promise.reject(new AppError('FORBIDDEN', 'No.')));
    await expect(route()).rejects.toThrow('No.');
  });
});
