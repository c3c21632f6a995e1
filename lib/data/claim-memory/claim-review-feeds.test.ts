// The ClaimReview feeds an admin lists for scheduled import (the import test covers what a refresh stores).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { newActor, unique, whileAnotherWrites } from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { addClaimReviewFeed } from './add-claim-review-feed';
import { listClaimReviewFeedIds } from './list-claim-review-feed-ids';
import { listClaimReviewFeeds } from './list-claim-review-feeds';
import { refreshClaimReviewFeedNow } from './refresh-claim-review-feed-now';
import { removeClaimReviewFeed } from './remove-claim-review-feed';

describe('ClaimReview feeds', () => {
  let admin: Actor;
  let editor: Actor;
  beforeAll(async () => {
    [admin, editor] = await Promise.all([newActor(['ADMIN']), newActor(['EDITOR'])]);
  });
  afterAll(() => db().$disconnect());

  it('adds a feed once, lists it for the schedule, and removes it, each recorded', async () => {
    const url = `https://feeds.example.org/${unique()}.json`;
    const added = await addClaimReviewFeed(admin, url);
    expect(added).toMatchObject({ url, lastRunAt: null, lastResult: null, lastError: null, claims: 0 });
    expect(await listClaimReviewFeeds(admin)).toContainEqual(added);
    expect(await listClaimReviewFeedIds()).toContain(added.id);
    const twice = await refusal(addClaimReviewFeed(admin, url));
    expect([twice.code, twice.errors[0]?.path]).toEqual(['CONFLICT', 'url']);
    expect(await db().claimReviewFeed.count({ where: { url } })).toBe(1);

    await removeClaimReviewFeed(admin, added.id);
    expect(await listClaimReviewFeedIds()).not.toContain(added.id);
    expect((await refusal(removeClaimReviewFeed(admin, added.id))).code).toBe('NOT_FOUND');
    expect((await refusal(refreshClaimReviewFeedNow(admin, added.id))).code).toBe('NOT_FOUND');
    const actions = (
      await db().auditLog.findMany({ where: { entityId: added.id }, orderBy: { createdAt: 'asc' } })
    ).map((a) => a.action);
    expect(actions).toEqual(['claimreview-feed.added', 'claimreview-feed.removed']);
  });

  it('refuses with 409 a feed added while the same one is being added', async () => {
    const url = `https://feeds.example.org/${unique()}.json`;
    const result = await whileAnotherWrites(
      (tx) => tx.claimReviewFeed.create({ data: { url } }),
      () => addClaimReviewFeed(admin, url),
    );
    expect(result.status === 'rejected' && result.reason instanceof AppError ? result.reason.code : result).toBe(
      'CONFLICT',
    );
  });

  it('lets only admins manage feeds, and writes nothing for anyone else', async () => {
    const feed = await addClaimReviewFeed(admin, `https://feeds.example.org/${unique()}.json`);
    const url = `https://feeds.example.org/${unique()}.json`;
    expect((await refusal(listClaimReviewFeeds(editor))).code).toBe('FORBIDDEN');
    expect((await refusal(addClaimReviewFeed(editor, url))).code).toBe('FORBIDDEN');
    expect((await refusal(removeClaimReviewFeed(editor, feed.id))).code).toBe('FORBIDDEN');
    expect((await refusal(refreshClaimReviewFeedNow(editor, feed.id))).code).toBe('FORBIDDEN');
    expect((await refusal(addClaimReviewFeed(null, url))).code).toBe('UNAUTHENTICATED');
    expect(await db().claimReviewFeed.count({ where: { url } })).toBe(0);
    expect((await db().claimReviewFeed.findUniqueOrThrow({ where: { id: feed.id } })).lastRunAt).toBeNull();
  });
});
