// Live collaboration: who may join, follow or change an article's shared document, and the relay between instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { markClaim, newActor, newArticle, unique } from '@/scripts/testing/newsroom-fixtures';
import { refusal } from '@/scripts/testing/refusal';
import { listenCollabChannel, notifyCollabChannel } from './collab-channel';
import { appendCollabUpdates } from './append-collab-updates';
import { checkCollabAccess } from './check-collab-access';
import { findClaimArticleId } from './find-claim-article-id';
import { loadCollabDocument } from './load-collab-document';
import { saveCollabDocument } from './save-collab-document';
import { storeInitialCollabState } from './store-initial-collab-state';
import { findLiveActors } from './find-live-actors';

describe('live collaboration access', () => {
  let editor: Actor;
  let reviewer: Actor;
  let nobody: Actor;
  beforeAll(async () => {
    [editor, reviewer, nobody] = await Promise.all([newActor(['EDITOR']), newActor(['REVIEWER']), newActor([])]);
  });
  afterAll(() => db().$disconnect());

  it('starts a document from the stored text when it has no updates, for staff only; deleted articles are not found', async () => {
    const article = await newArticle('Shared words.');
    expect(await loadCollabDocument(reviewer, article.id)).toEqual({ updates: [], content: article.content });
    expect((await refusal(loadCollabDocument(nobody, article.id))).code).toBe('FORBIDDEN');
    expect((await refusal(checkCollabAccess(nobody, article.id))).code).toBe('FORBIDDEN');
    expect((await refusal(checkCollabAccess(null, article.id))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(storeInitialCollabState(nobody, article.id, new Uint8Array([1])))).code).toBe('FORBIDDEN');
    await db().article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    expect((await refusal(loadCollabDocument(editor, article.id))).code).toBe('NOT_FOUND');
    expect((await refusal(checkCollabAccess(editor, article.id))).code).toBe('NOT_FOUND');
    expect(
      (
        await refusal(
          saveCollabDocument(editor, article.id, () => ({
            content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gone.' }] }] },
            state: new Uint8Array(),
          })),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await db().collabUpdate.count({ where: { articleId: article.id } })).toBe(0);
  });

  it('appends updates from editors only, and loads them after the first state', async () => {
    const article = await newArticle('Shared words.');
    await storeInitialCollabState(editor, article.id, new Uint8Array([1, 2]));
    expect((await refusal(appendCollabUpdates(reviewer, article.id, [new Uint8Array([9])]))).code).toBe('FORBIDDEN');
    await appendCollabUpdates(editor, article.id, [new Uint8Array([3]), new Uint8Array([4, 5])]);
    expect((await loadCollabDocument(reviewer, article.id)).updates).toEqual([
      new Uint8Array([1, 2]),
      new Uint8Array([3]),
      new Uint8Array([4, 5]),
    ]);
  });

  it('reads the people on open sockets as they are now: a changed role shows, a disabled user is absent', async () => {
    const [demoted, disabled] = await Promise.all([newActor(['EDITOR']), newActor(['EDITOR'])]);
    await db().user.update({ where: { id: demoted.id }, data: { roles: ['REVIEWER'] } });
    await db().user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const live = await findLiveActors([demoted.id, disabled.id, demoted.id, editor.id]);
    expect([...live.keys()].sort()).toEqual([demoted.id, editor.id].sort());
    expect(live.get(demoted.id)?.roles).toEqual(['REVIEWER']);
    expect(live.get(editor.id)?.roles).toEqual(['EDITOR']);
    expect(await findLiveActors([])).toEqual(new Map());
  });

  it('finds the article of a claim, or none', async () => {
    const article = await newArticle('Rates rose.');
    const claim = await markClaim(editor, article.id, 'Rates rose');
    expect(await findClaimArticleId(claim.id)).toBe(article.id);
    expect(await findClaimArticleId('no-such-claim')).toBeNull();
  });

  it('relays a payload to every listener on the channel', async () => {
    const payload = `hello-${unique()}`;
    let listening!: () => void;
    const ready = new Promise<void>((resolve) => (listening = resolve));
    let received!: (payload: string) => void;
    const heard = new Promise<string>((resolve) => (received = resolve));
    const listener = listenCollabChannel(
      (p) => p === payload && received(p),
      () => listening(),
      () => undefined,
    );
    try {
      await ready;
      await notifyCollabChannel(payload);
      expect(await heard).toBe(payload);
    } finally {
      await listener.close();
    }
  });
});
