import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** The OpenAPI document as GET /api/v1/openapi.json serves it for a request to `url`. */
async function documentFor(url: string) {
  const { GET } = await import('./route');
  const response = GET(new Request(url));
  return (await response.json()) as { servers: { url: string }[] };
}

describe('GET /api/v1/openapi.json', () => {
  it('names the configured public origin as its server, not the address the request came to', async () => {
    vi.stubEnv('FACTMARK_PUBLIC_URL', 'https://checks.example.org/');
    const doc = await documentFor('http://10.0.0.7:3000/api/v1/openapi.json');
    expect(doc.servers[0]?.url).toBe('https://checks.example.org');
  });

  it('names the address the request came to when no public origin is configured', async () => {
    vi.stubEnv('FACTMARK_PUBLIC_URL', undefined);
    const doc = await documentFor('http://localhost:4321/api/v1/openapi.json');
    expect(doc.servers[0]?.url).toBe('http://localhost:4321');
  });
});
