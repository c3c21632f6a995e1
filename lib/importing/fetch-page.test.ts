import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { fetchPage, isPublicAddress } from './fetch-page';
import { refusal } from '@/scripts/testing/refusal';

// A real local page server: the importer must refuse it unless private addresses are allowed.
let server: Server;
let base: string;
const article = `<!doctype html><html lang="en"><head><title>Local news</title>
<meta property="og:site_name" content="Local Gazette"><meta property="article:published_time" content="2025-08-18T10:00:00Z">
<link rel="canonical" href="https://gazette.example.org/story"></head>
<body><nav>Home | World</nav><article><h1>Council backs bridge</h1><p class="byline">By Ana Reporter</p>
${'<p>The council voted 7 to 2 on Tuesday to fund the new bridge, the mayor said after the meeting ended late.</p>'.repeat(8)}
</article></body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/article') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
    if (req.url === '/redirect-home') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 6; i++) res.write(chunk);
      return res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  delete process.env.FACTMARK_ALLOW_PRIVATE_URLS;
});

describe('isPublicAddress', () => {
  it('refuses private, loopback, link-local and mapped addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'fc00::1',
      '0.0.0.0',
      '100.64.0.1',
      // IPv4-compatible (::/96, what [::127.0.0.1] becomes), NAT64, 6to4 and Teredo forms of inner addresses.
      '::7f00:1',
      '::127.0.0.1',
      '::a00:1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      '2001:0:7f00:1::',
    ]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
  });
});

describe('fetchPage', () => {
  it('refuses loopback addresses, by number and by name', async () => {
    expect((await refusal(fetchPage(`${base}/article`))).message).toMatch(/private, loopback or link-local/);
    const byName = `http://localhost:${new URL(base).port}/article`;
    expect((await refusal(fetchPage(byName))).errors[0]?.path).toBe('url');
  });

  it('refuses other schemes', async () => {
    expect((await refusal(fetchPage('file:///etc/passwd'))).message).toMatch(/Only http and https/);
    expect((await refusal(fetchPage('ftp://example.org/x'))).message).toMatch(/Only http and https/);
  });

  it('fetches a local page when private addresses are allowed, and extracts the article', async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    const page = await fetchPage(`${base}/article`);
    const extracted = extractArticle(page.html, page.url);
    expect(extracted).toMatchObject({
      title: 'Local news',
      publisher: 'Local Gazette',
      canonicalUrl: 'https://gazette.example.org/story',
      language: 'en',
    });
    expect(extracted?.publishedAt?.toISOString()).toBe('2025-08-18T10:00:00.000Z');
    expect(extracted?.html).toContain('The council voted 7 to 2');
    expect(extracted?.html).not.toContain('Home | World');
  });

  it('limits redirects, size and content type', async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    expect((await refusal(fetchPage(`${base}/loop`))).message).toMatch(/more than 5 times/);
    expect((await refusal(fetchPage(`${base}/huge`))).message).toMatch(/larger than 5 MB/);
    expect((await refusal(fetchPage(`${base}/pdf`))).message).toMatch(/not a web page/);
    expect((await refusal(fetchPage(`${base}/missing`))).message).toMatch(/answered 404/);
  });

  it('re-checks every redirect target', async () => {
    // The first hop is allowed here only to reach the test server; the redirect target is checked anew.
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    expect((await refusal(fetchPage(`${base}/redirect-home`))).message).toMatch(/Only http and https/);
  });
});
