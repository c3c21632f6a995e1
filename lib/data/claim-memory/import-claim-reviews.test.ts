import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { claimReview as review } from '@/scripts/testing/claim-review-fixtures';
import { searchQuery } from '@/lib/validation/search';
import { runClaimReviewFeed } from './run-claim-review-feed';
import { importClaimReviews } from './import-claim-reviews';
import { MAX_FEED_PAGES, readClaimReviewUrl } from './read-claim-review-url';
import { searchNewsroom } from './search';
import { findClaimsLike } from './similar-claims';
import { refusal } from '@/scripts/testing/refusal';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

async function user(roles: ('EDITOR' | 'REVIEWER' | 'ADMIN')[]): Promise<Actor> {
  const u = await db().user.create({ data: { email: `${unique()}@import.test`, name: `User ${unique()}`, roles } });
  return { id: u.id, email: u.email, name: u.name, roles, via: 'session' };
}

describe('importing ClaimReview', () => {
  let editor: Actor;
  let server: Server;
  let base: string;
  const town = `Quarnby${unique().replace(/\d/g, 'k')}`;
  const page = () => `<!doctype html><html><head><title>Fact-check</title>
<script type="application/ld+json">${JSON.stringify(review(`https://harbour-checks.example/${town}/ferries`, `Ferry fares in ${town} tripled since 2020`, 'Mostly false'))}</script>
</head><body><p>Our check.</p></body></html>`;

  const paged = `Paged${unique()}`;
  const feedReview = (n: number) =>
    review(`https://harbour-checks.example/${paged}/${n}`, `Harbour dues in ${paged} rose ${n} percent`);
  // Factmark's own shape (`nextCursor` for this address's ?cursor=), a `next` address, an empty page, a broken review.
  function pagedFeed(url: URL): unknown {
    const cursor = url.searchParams.get('cursor');
    const feed = (elements: unknown[], more: Record<string, unknown>) => ({
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: elements,
      ...more,
    });
    if (url.pathname === '/feed') {
      if (!cursor) return feed([feedReview(1), { ...feedReview(0), reviewRating: undefined }], { nextCursor: 'c2' });
      if (cursor === 'c2') return feed([], { nextCursor: 'c3' });
      if (cursor === 'c3')
        return feed([{ '@type': 'DataFeedItem', item: feedReview(2) }, feedReview(3)], { next: '/feed?cursor=c4' });
      if (cursor === 'c4') return feed([feedReview(4)], { nextCursor: null });
    }
    // Never ends: each page names the next.
    if (url.pathname === '/endless')
      return feed([feedReview(100 + Number(cursor ?? 0))], { nextCursor: String(Number(cursor ?? 0) + 1) });
    // 3,000 reviews a page: the second page brings the import to one document's limit of reviews.
    if (url.pathname === '/big')
      return feed(
        Array.from({ length: 3000 }, (_, i) => feedReview(1000 + i)),
        { nextCursor: String(Number(cursor ?? 0) + 1) },
      );
    if (url.pathname === '/loop') return feed([feedReview(200)], { next: url.pathname + url.search });
    if (url.pathname === '/elsewhere')
      return feed([feedReview(300)], { next: `http://localhost:${url.port || port}/feed` });
    if (url.pathname === '/broken-page') return cursor ? null : feed([feedReview(400)], { nextCursor: 'gone' });
    return null;
  }
  let port = 0;
  const deferred = () => {
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };
  const heldRequest = deferred();
  const takenOver: (() => void)[] = [];
  const heldRelease = deferred();

  beforeAll(async () => {
    editor = await user(['EDITOR']);
    server = createServer((req, res) => {
      if (req.url === '/check') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
      if (req.url === '/pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
      if (req.url === '/held') {
        // Answers only when the test lets it: a feed refresh caught mid-run, without timing.
        heldRequest.resolve();
        void heldRelease.promise.then(() =>
          res
            .writeHead(200, { 'content-type': 'application/ld+json' })
            .end(
              JSON.stringify([
                review(`https://harbour-checks.example/held-${paged}`, `Harbour dues in ${paged} were held`),
              ]),
            ),
        );
        return;
      }
      if (req.url === '/taken-over') {
        // Each request waits for the test to answer it: two runs of one feed, both caught mid-fetch.
        takenOver.push(() =>
          res
            .writeHead(200, { 'content-type': 'application/ld+json' })
            .end(
              JSON.stringify([
                review(`https://harbour-checks.example/over-${paged}`, `Harbour lights in ${paged} dimmed`),
              ]),
            ),
        );
        return;
      }
      if (req.url?.startsWith('/slow')) {
        // Each page answers after 400 ms: the import's time budget, not the page cap, ends it.
        setTimeout(
          () =>
            res
              .writeHead(200, { 'content-type': 'application/ld+json' })
              .end(JSON.stringify(pagedFeed(new URL(req.url?.replace('/slow', '/endless') ?? '/', 'http://x')))),
          400,
        );
        return;
      }
      const feed = pagedFeed(new URL(req.url ?? '/', 'http://x'));
      if (feed) return res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(feed));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterEach(() => {
    delete process.env.FACTMARK_ALLOW_PRIVATE_URLS;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db().$disconnect();
  });

  it('imports the valid reviews, lists the broken ones by index, updates a changed one and skips identical ones', async () => {
    const id = unique();
    const document = [
      review(`https://harbour-checks.example/${id}/1`, `Bridge tolls in ${id}ton doubled`),
      { ...review('', 'No address'), url: undefined },
      review(`https://harbour-checks.example/${id}/2`, `The ${id}ton port closed in 2019`),
    ];
    expect(await importClaimReviews(editor, { document })).toEqual({
      imported: 2,
      updated: 0,
      skipped: 0,
      errors: [{ index: 1, reason: 'url is missing (an http or https address).' }],
      pages: 1,
      nextPage: null,
    });
    expect(await importClaimReviews(editor, { document })).toMatchObject({ imported: 0, updated: 0, skipped: 2 });
    const changed = [
      document[0],
      review(`https://harbour-checks.example/${id}/2`, `The ${id}ton port closed in 2019`, 'True'),
    ];
    expect(await importClaimReviews(editor, { document: changed })).toMatchObject({
      imported: 0,
      updated: 1,
      skipped: 1,
    });
    const rows = await db().importedClaim.findMany({
      where: { url: { startsWith: `https://harbour-checks.example/${id}/` } },
      orderBy: { url: 'asc' },
    });
    expect(rows.map((r) => [r.ratingLabel, r.publisherName, r.claimant])).toEqual([
      ['False', 'Harbour Checks', 'Mayor Ilse Brandt'],
      ['True', 'Harbour Checks', 'Mayor Ilse Brandt'],
    ]);
  });

  it('lets admins and editors import, not reviewers', async () => {
    const reviewer = await user(['REVIEWER']);
    const admin = await user(['ADMIN']);
    const document = review(`https://harbour-checks.example/${unique()}`, 'Anything at all');
    expect((await refusal(importClaimReviews(reviewer, { document }))).status).toBe(403);
    expect(await importClaimReviews(admin, { document })).toMatchObject({ imported: 1 });
  });

  it('matches an imported review in "already checked?" with its publisher, rating and address', async () => {
    const id = unique().replace(/\d/g, 'z');
    await importClaimReviews(editor, {
      document: review(
        `https://harbour-checks.example/${id}`,
        `Unemployment in ${id}ville rose to 28 percent last year`,
        'Mostly true',
      ),
    });
    const { items } = await findClaimsLike(
      editor,
      `Joblessness in ${id}ville went up to twenty-eight per cent in the past year`,
      5,
    );
    expect(items[0]).toMatchObject({
      claim: {
        origin: 'imported',
        publisher: 'Harbour Checks',
        rating: { label: 'Mostly true' },
        url: `https://harbour-checks.example/${id}`,
        status: 'IMPORTED',
        isPublished: true,
      },
    });
    // Staff search finds it too, linked to the other fact-checker's review; filters that only newsroom claims have leave it out.
    const found = await searchNewsroom(editor, searchQuery.parse({ q: `${id}ville` }));
    expect(found.items).toContainEqual(
      expect.objectContaining({
        type: 'imported',
        url: `https://harbour-checks.example/${id}`,
        snippet: expect.stringContaining('Harbour Checks') as unknown,
      }),
    );
    const inReview = await searchNewsroom(
      editor,
      searchQuery.parse({ q: `${id}ville`, state: 'in_review', type: 'claim' }),
    );
    expect(inReview.items.map((i) => i.type)).not.toContain('imported');
  });

  it('imports a page embedding ClaimReview under the URL-import rules: private addresses only where tests allow them', async () => {
    expect((await refusal(importClaimReviews(editor, { url: `${base}/check` }))).errors[0]?.message).toMatch(
      /private network/,
    );
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    expect(await importClaimReviews(editor, { url: `${base}/check` })).toEqual({
      imported: 1,
      updated: 0,
      skipped: 0,
      errors: [],
      pages: 1,
      nextPage: null,
    });
    expect(await importClaimReviews(editor, { url: `${base}/check` })).toMatchObject({ imported: 0, skipped: 1 });
    expect((await refusal(importClaimReviews(editor, { url: `${base}/pdf` }))).status).toBe(422);
    const { items } = await findClaimsLike(editor, `${town} ferry fares are three times higher than in 2020`, 3);
    expect(items[0]?.claim).toMatchObject({ origin: 'imported', rating: { label: 'Mostly false' } });
  });

  it('runs a feed once at a time: a second refresh while one is fetching is told so, and the feed is free again after', async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    const feed = await db().claimReviewFeed.create({ data: { url: `${base}/held` } });
    const first = runClaimReviewFeed(feed.id);
    await heldRequest.promise;
    expect(await runClaimReviewFeed(feed.id)).toEqual({ error: expect.stringContaining('being refreshed') as unknown });
    heldRelease.resolve();
    expect(await first).toMatchObject({ imported: 1 });
    expect(await db().claimReviewFeed.findUnique({ where: { id: feed.id } })).toMatchObject({
      runningSince: null,
      lastResult: { imported: 1 },
    });
    expect(await runClaimReviewFeed(feed.id)).toMatchObject({ imported: 0, skipped: 1 });
    // A run that died mid-way (its process gone) does not block the feed for ever.
    await db().claimReviewFeed.update({
      where: { id: feed.id },
      data: { runningSince: new Date(Date.now() - 24 * 3600_000) },
    });
    expect(await runClaimReviewFeed(feed.id)).toMatchObject({ skipped: 1 });
  });

  it('records nothing of a run that outlived its lease: the run that took over keeps it and its result counts', async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    const feed = await db().claimReviewFeed.create({ data: { url: `${base}/taken-over` } });
    const late = runClaimReviewFeed(feed.id);
    await vi.waitFor(() => expect(takenOver).toHaveLength(1));
    // The first run is taken for dead (its lease long past), and a second one starts.
    await db().claimReviewFeed.update({
      where: { id: feed.id },
      data: { runningSince: new Date(Date.now() - 24 * 3600_000) },
    });
    const current = runClaimReviewFeed(feed.id);
    await vi.waitFor(() => expect(takenOver).toHaveLength(2));
    takenOver[0]?.();
    expect(await late).toEqual({ error: expect.stringContaining('another run of the feed took over') as unknown });
    const during = await db().claimReviewFeed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(during).toMatchObject({ lastRunAt: null, lastResult: null, lastError: null });
    expect(during.runningSince).not.toBeNull();
    expect(await runClaimReviewFeed(feed.id)).toEqual({ error: expect.stringContaining('being refreshed') as unknown });
    takenOver[1]?.();
    expect(await current).toMatchObject({ imported: 1 });
    expect(await db().claimReviewFeed.findUniqueOrThrow({ where: { id: feed.id } })).toMatchObject({
      runningSince: null,
      lastResult: { imported: 1 },
    });
  });

  it("follows a paged feed's next pages (Factmark's nextCursor, a next address, an empty page) and adds their counts up", async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    const first = await importClaimReviews(editor, { url: `${base}/feed` });
    expect(first).toEqual({
      imported: 4,
      updated: 0,
      skipped: 0,
      // The broken review is the 2nd of the feed's ClaimReviews (index 1), counted across its pages.
      errors: [{ index: 1, reason: expect.stringContaining('reviewRating') as string }],
      pages: 4,
      nextPage: null,
    });
    expect(await importClaimReviews(editor, { url: `${base}/feed` })).toMatchObject({
      imported: 0,
      updated: 0,
      skipped: 4,
      pages: 4,
    });
    const rows = await db().importedClaim.findMany({
      where: { url: { startsWith: `https://harbour-checks.example/${paged}/` } },
      select: { url: true },
    });
    expect(rows.map((r) => r.url.split('/').pop()).sort()).toEqual(['1', '2', '3', '4']);
  });

  it('stops at the page cap, at a page seen before, and refuses a next page on another site or one that fails (nothing stored)', async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    const endless = await importClaimReviews(editor, { url: `${base}/endless` });
    expect(endless).toMatchObject({
      imported: MAX_FEED_PAGES,
      pages: MAX_FEED_PAGES,
      nextPage: `${base}/endless?cursor=${MAX_FEED_PAGES}`,
    });
    expect(await importClaimReviews(editor, { url: `${base}/loop` })).toMatchObject({
      imported: 1,
      pages: 1,
      nextPage: null,
    });
    const big = await readClaimReviewUrl(`${base}/big`);
    expect({ pages: big.pages, reviews: big.reviews.length, nextPage: big.nextPage }).toEqual({
      pages: 2,
      reviews: 6000,
      nextPage: `${base}/big?cursor=2`,
    });
    const slow = await readClaimReviewUrl(`${base}/slow`, 600);
    expect(slow.pages).toBeLessThan(4);
    expect(slow.nextPage).toBe(`${base}/slow?cursor=${slow.pages}`);
    const elsewhere = await refusal(importClaimReviews(editor, { url: `${base}/elsewhere` }));
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.errors[0]).toEqual({ path: 'url', message: 'The next page is on another site.' });
    const broken = await refusal(importClaimReviews(editor, { url: `${base}/broken-page` }));
    expect(broken.message).toMatch(/^Page 2 of the feed .*answered 404/);
    expect(
      await db().importedClaim.count({
        where: {
          url: { in: [`https://harbour-checks.example/${paged}/300`, `https://harbour-checks.example/${paged}/400`] },
        },
      }),
    ).toBe(0);
  });

  it('refreshes a paged feed on schedule with its pages counted, and two refreshes at once store each review once', async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    const feed = await db().claimReviewFeed.create({ data: { url: `${base}/feed?limit=1&run=${unique()}` } });
    await db().importedClaim.deleteMany({ where: { url: { startsWith: `https://harbour-checks.example/${paged}/` } } });
    const [a, b] = await Promise.all([runClaimReviewFeed(feed.id), runClaimReviewFeed(feed.id)]);
    // Either the second started after the first ended (it finds all four stored), or it was told a run is going on.
    const runs = [a, b].map((r) => ('error' in r ? r.error : r.imported + r.skipped));
    expect(runs).toContain(4);
    expect(runs.filter((r) => r !== 4)).toEqual(
      runs.filter((r) => typeof r === 'string' && r.includes('being refreshed')),
    );
    expect([a, b].reduce((sum, r) => sum + ('imported' in r ? r.imported : 0), 0)).toBe(4);
    const stored = await db().claimReviewFeed.findUniqueOrThrow({
      where: { id: feed.id },
      include: { _count: { select: { claims: true } } },
    });
    expect(stored.lastResult).toMatchObject({ errors: 1, pages: 4 });
    expect(stored._count.claims).toBe(4);
  });
});
