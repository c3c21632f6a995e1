// Live collaboration on its own thread (collab-thread.ts), as `npm start` serves it: real sockets through a throwaway
// HTTP server to the thread's Hocuspocus, and the real database, which the thread reaches through its own pool.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= 'collab-thread-test-secret-0123456789';
});

import { db } from '@/lib/db';
import { createArticle } from '@/lib/data/articles/create-article';
import { saveArticle } from '@/lib/data/articles/save-article';
import { documentFromText } from '@/lib/editor/schema';
import {
  firstParagraph,
  liveClients,
  liveUser,
  serveCollab,
  upgradeStatusWithoutSession,
} from '@/scripts/testing/live-clients';
import { collabThread } from './collab-thread';
import { ARTICLE_DELETED } from './recheck';
import { ACCESS_REFUSED, SESSION_ENDED, stopWhenRefused } from './stop-when-refused';

const clients = liveClients(() => served.origin());
const served = serveCollab(collabThread, () => clients.destroyAll());

const stored = (id: string) => db().article.findUniqueOrThrow({ where: { id } });

describe('live collaboration on its own thread', () => {
  it('syncs two editors, saves what they typed to the article, and brings an API save into their live text', async () => {
    const ann = await liveUser(['EDITOR']);
    const ben = await liveUser(['EDITOR']);
    const article = await createArticle(ann, { format: 'text', body: 'The mayor said crime fell by half.' });
    const a = await clients.connect(ann, article.id);
    const b = await clients.connect(ben, article.id);

    const text = firstParagraph(a.document);
    text.insert(text.length, ' Ann was here.');
    await expect.poll(() => firstParagraph(b.document).toString(), { timeout: 20_000 }).toContain('Ann was here.');
    // Saved by the thread (its own database pool) on its debounce, as the article's save path does.
    await expect.poll(async () => (await stored(article.id)).plainText, { timeout: 30_000 }).toContain('Ann was here.');

    // A save through the API while they edit: the main thread asks the thread to apply it, and both editors see it.
    const { version } = await stored(article.id);
    const content = documentFromText('Written through the API while two people edit.');
    await saveArticle(ann, article.id, { baseVersion: version, content });
    for (const client of [a, b])
      await expect
        .poll(() => firstParagraph(client.document).toString(), { timeout: 20_000 })
        .toContain('Written through the API');
  }, 120_000);

  it('closes the socket of a user disabled while connected', async () => {
    const editor = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'A short article.' });
    const client = await clients.connect(editor, article.id);
    const told: string[] = [];
    stopWhenRefused(client.provider, (message) => told.push(message));
    await db().user.update({ where: { id: editor.id }, data: { disabled: true, sessionVersion: { increment: 1 } } });
    await expect.poll(() => client.closes.map((c) => c.code), { timeout: 20_000 }).toContain(4401);
    // The editor's provider stops reconnecting (it would only be refused again) and says why.
    expect(told).toEqual([SESSION_ENDED]);
    expect(client.provider.configuration.websocketProvider.shouldConnect).toBe(false);
  }, 60_000);

  it('tells the editors of an article deleted while they edit, and closes their sockets', async () => {
    const editor = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'An article about to go.' });
    const client = await clients.connect(editor, article.id);
    const told: string[] = [];
    stopWhenRefused(client.provider, (message) => told.push(message));
    await db().article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    await expect.poll(() => client.closes.map((c) => c.code), { timeout: 20_000 }).toContain(4404);
    expect(client.errors).toContain(ARTICLE_DELETED);
    expect(told).toEqual([ARTICLE_DELETED]);
    expect(client.provider.configuration.websocketProvider.shouldConnect).toBe(false);
  }, 60_000);

  it('stops an editor reconnecting to an article it may not open, and says why', async () => {
    const editor = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Not for everyone.' });
    await db().article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    const client = await clients.connect(editor, article.id, editor.name, false);
    const told: string[] = [];
    stopWhenRefused(client.provider, (message) => told.push(message));
    await expect.poll(() => told, { timeout: 20_000 }).toEqual([ACCESS_REFUSED]);
    expect(client.provider.configuration.websocketProvider.shouldConnect).toBe(false);
  }, 60_000);

  it('refuses an upgrade without a session before the thread sees it', async () => {
    const status = await upgradeStatusWithoutSession(served.origin());
    expect(status).toBe(401);
  });

  it('saves what was just typed when the server stops', async () => {
    const editor = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Typed just before the stop.' });
    const client = await clients.connect(editor, article.id);
    const text = firstParagraph(client.document);
    text.insert(text.length, ' The last words.');
    await expect.poll(() => client.provider.unsyncedChanges, { timeout: 20_000 }).toBe(0);
    await served.collab().close();
    expect((await stored(article.id)).plainText).toContain('The last words.');
  }, 60_000);
});
