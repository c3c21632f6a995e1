import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { addClaimReviewFeed } from '@/lib/data/claim-memory/add-claim-review-feed';
import { listClaimReviewFeeds } from '@/lib/data/claim-memory/list-claim-review-feeds';
import { refreshClaimReviewFeedNow } from '@/lib/data/claim-memory/refresh-claim-review-feed-now';
import { removeClaimReviewFeed } from '@/lib/data/claim-memory/remove-claim-review-feed';
import { db, pool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { REFRESH_FEEDS, startJobWorkers } from './job-workers';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

async function user(roles: ('EDITOR' | 'ADMIN')[]): Promise<Actor> {
  const u = await db().user.create({ data: { email: `${unique()}@feeds.test`, name: `User ${unique()}`, roles } });
  return { id: u.id, email: u.email, name: u.name, roles, via: 'session' };
}

/** Polls the database until `check` holds (no fixed sleep); the job queue polls every half second here. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const jobConnections = async () =>
  Number(
    (
      await pool().query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'factmark-jobs' AND datname = current_database()`,
      )
    ).rows[0]?.n,
  );

describe('ClaimReview feeds and the job queue', () => {
  let server: Server;
  let base: string;
  const feedPath = `/feed-${unique()}.json`;
  const reviewUrl = `https://northern-checks.example/${unique()}`;
  let rating = 'False';

  beforeAll(async () => {
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    server = createServer((req, res) => {
      if (req.url !== feedPath) return res.writeHead(404).end();
      const feed = {
        '@context': 'https://schema.org',
        '@type': 'DataFeed',
        dataFeedElement: [
          {
            '@type': 'ClaimReview',
            url: reviewUrl,
            claimReviewed: 'Tram fares were cut by half in 2025',
            author: { name: 'Northern Checks' },
            reviewRating: { alternateName: rating },
          },
          { '@type': 'ClaimReview', claimReviewed: 'No rating here', url: `${reviewUrl}/2` },
        ],
      };
      res.writeHead(200, { 'content-type': 'application/ld+json' }).end(JSON.stringify(feed));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.FACTMARK_ALLOW_PRIVATE_URLS;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db().$disconnect();
  });

  it('lets only admins list, add and refresh feeds; a refresh records its result on the feed', async () => {
    const admin = await user(['ADMIN']);
    const editor = await user(['EDITOR']);
    await expect(addClaimReviewFeed(editor, `${base}/x`)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.status === 403,
    );
    const feed = await addClaimReviewFeed(admin, `${base}/missing-${unique()}`);
    await expect(addClaimReviewFeed(admin, feed.url)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.status === 409,
    );
    expect(await refreshClaimReviewFeedNow(admin, feed.id)).toEqual({ error: 'The page answered 404.' });
    const listed = (await listClaimReviewFeeds(admin)).find((f) => f.id === feed.id);
    expect(listed).toMatchObject({ lastResult: null, lastError: 'The page answered 404.' });
    expect(listed?.lastRunAt).not.toBeNull();
    await removeClaimReviewFeed(admin, feed.id);
    expect((await listClaimReviewFeeds(admin)).map((f) => f.id)).not.toContain(feed.id);
  });

  it('refreshes every feed through pg-boss (scheduled by cron), and its workers stop with their connections', async () => {
    const admin = await user(['ADMIN']);
    const feed = await addClaimReviewFeed(admin, `${base}${feedPath}`);
    const workers = await startJobWorkers({ pollingIntervalSeconds: 0.5 });
    try {
      expect((await workers.boss.getSchedules()).find((s) => s.name === REFRESH_FEEDS)).toMatchObject({
        cron: '0 * * * *',
        timezone: 'UTC',
      });
      // What the schedule does each hour, asked for now.
      await workers.boss.send(REFRESH_FEEDS, {});
      const ran = await eventually(
        () => db().claimReviewFeed.findUniqueOrThrow({ where: { id: feed.id } }),
        (f) => f.lastRunAt !== null,
      );
      expect(ran).toMatchObject({ lastError: null, lastResult: { imported: 1, updated: 0, skipped: 0, errors: 1 } });
      expect(await db().importedClaim.findUnique({ where: { url: reviewUrl } })).toMatchObject({
        feedId: feed.id,
        ratingLabel: 'False',
        publisherName: 'Northern Checks',
      });

      rating = 'Half true';
      await workers.boss.send(REFRESH_FEEDS, {});
      await eventually(
        () => db().importedClaim.findUnique({ where: { url: reviewUrl } }),
        (c) => c?.ratingLabel === 'Half true',
      );
      expect(await jobConnections()).toBeGreaterThan(0);

      // The workers also keep the claim match index fresh when nobody searches.
      const article = await db().article.create({
        data: { title: 'Ferries', slug: `jobs-${unique()}`, content: { type: 'doc' }, plainText: 'Ferries.' },
      });
      const claim = await db().claim.create({
        data: { articleId: article.id, exact: 'Ferry fares tripled', start: 0, end: 19 },
      });
      const indexed = await eventually(
        () => db().claimMatchText.findUnique({ where: { claimId: claim.id } }),
        (m) => m !== null,
      );
      expect(indexed?.original).toContain('Ferry fares tripled');
    } finally {
      await workers.stop();
    }
    expect(await eventually(jobConnections, (n) => n === 0, 10_000)).toBe(0);
  });
});
