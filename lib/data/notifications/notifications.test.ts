// Notifications: the list, opening one, marking them read, and the counts the navigation shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { claimInReview, markClaim, newActor, newArticle } from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { deleteClaim } from '@/lib/data/claims/delete-claim';
import { addComment } from '@/lib/data/reviews/add-comment';
import { navigationCounts } from './count-navigation';
import { listNotifications } from './list-notifications';
import { markNotificationsRead } from './mark-notifications-read';
import { openNotification } from './open-notification';

describe('notifications', () => {
  let editor: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    [editor, reviewer] = await Promise.all([newActor(['EDITOR']), newActor(['REVIEWER'])]);
  });
  afterAll(() => db().$disconnect());

  it('lists one’s own notifications newest first with who did what on which words, and opens one where it leads', async () => {
    const me = await newActor(['EDITOR']);
    const claim = await markClaim(me, (await newArticle('Fuel prices doubled.')).id, 'Fuel prices doubled');
    await addComment(reviewer, claim.id, { body: 'Since when?' });
    await addComment(editor, claim.id, { body: 'Since May.' });

    const list = await listNotifications(me);
    expect(list.unread).toBe(2);
    expect(list.items.map((n) => n.text)).toEqual([
      `${editor.name} commented on a claim: “Fuel prices doubled”`,
      `${reviewer.name} commented on a claim: “Fuel prices doubled”`,
    ]);
    expect(list.items[0]).toMatchObject({
      kind: 'comment',
      claimId: claim.id,
      articleId: claim.articleId,
      actor: editor.name,
      read: false,
    });
    expect((await navigationCounts(me)).unread).toBe(2);
    // Someone else's notification is not theirs to open.
    const [first] = list.items;
    if (!first) throw new Error('no notification');
    expect((await refusal(openNotification(reviewer, first.id))).code).toBe('NOT_FOUND');
    expect(await openNotification(me, first.id)).toBe(`/review/${claim.id}#comments-heading`);
    expect((await listNotifications(me)).items.map((n) => n.read)).toEqual([true, false]);
    expect((await navigationCounts(me)).unread).toBe(1);
    expect((await listNotifications(reviewer)).items.some((n) => n.id === first.id)).toBe(false);
  });

  it('pages through every notification, newest first, with the unread count of all of them', async () => {
    const me = await newActor(['EDITOR']);
    const claim = await markClaim(me, (await newArticle('Ferry fares fell.')).id, 'Ferry fares fell');
    for (const body of ['One.', 'Two.', 'Three.', 'Four.', 'Five.']) await addComment(reviewer, claim.id, { body });
    const all = (await listNotifications(me, { limit: 50 })).items.map((n) => n.id);
    expect(all).toHaveLength(5);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listNotifications(me, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.unread).toBe(5);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('leads nowhere once the claim is deleted, and marks some or all read', async () => {
    const me = await newActor(['EDITOR']);
    const claim = await markClaim(me, (await newArticle('Rail use rose. Bus use fell.')).id, 'Rail use rose');
    const other = await markClaim(me, claim.articleId, 'Bus use fell');
    await addComment(reviewer, claim.id, { body: 'One.' });
    await addComment(reviewer, other.id, { body: 'Two.' });
    await addComment(reviewer, other.id, { body: 'Three.' });
    const items = (await listNotifications(me)).items;
    const onClaim = items.find((n) => n.claimId === claim.id);
    await deleteClaim(me, claim.id);
    expect(await openNotification(me, onClaim?.id ?? '')).toBeNull();

    const [newest] = items;
    await markNotificationsRead(me, [newest?.id ?? '']);
    expect((await navigationCounts(me)).unread).toBe(1);
    await markNotificationsRead(me);
    expect((await navigationCounts(me)).unread).toBe(0);
    expect((await refusal(openNotification(me, 'no-such-notification'))).code).toBe('NOT_FOUND');
  });

  it('needs a signed-in person', async () => {
    expect((await refusal(listNotifications(null))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(openNotification(null, 'x'))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(markNotificationsRead(null))).code).toBe('UNAUTHENTICATED');
  });

  it('counts for the navigation the unread notifications and, for reviewers only, the claims in review', async () => {
    const before = await navigationCounts(reviewer);
    const claim = await claimInReview(editor, { words: 'Births rose' });
    const after = await navigationCounts(reviewer);
    // Submitting notifies every reviewer when the article has none assigned.
    expect(after).toEqual({ unread: before.unread + 1, inReview: before.inReview + 1 });
    const [submitted] = (await listNotifications(reviewer)).items;
    expect(submitted).toMatchObject({
      kind: 'submitted',
      claimId: claim.id,
      text: `${editor.name} submitted a claim for your review: “Births rose”`,
    });
    expect(await openNotification(reviewer, submitted?.id ?? '')).toBe(`/review/${claim.id}`);
    expect(await navigationCounts(editor)).toEqual({ unread: 0, inReview: 0 });
    await db().article.update({ where: { id: claim.articleId }, data: { deletedAt: new Date() } });
    expect(await navigationCounts(reviewer)).toEqual({ unread: before.unread, inReview: before.inReview });
  });
});
