// What a hostile collaborator sends that the editor's provider never would, through raw frames to the collaboration
// thread (as `npm start` runs it) and the real database: each is refused before it reaches the others or the article,
// and the honest editors' work goes on being saved.
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= 'collab-hostile-test-secret-0123456789';
});

import { db } from '@/lib/db';
import { createArticle } from '@/lib/data/articles/create-article';
import {
  firstParagraph,
  liveClients,
  liveUser,
  serveCollab,
  type LiveTestClient,
} from '@/scripts/testing/live-clients';
import { frame, paragraphWith, rawCollabClients, step2Frame, updateFrame } from '@/scripts/testing/raw-collab-client';
import { collabThread } from './collab-thread';
import { MAX_SOCKETS_PER_USER } from './socket-limits';
import { COLLAB_FIELD } from './messages';

const clients = liveClients(() => served.origin());
const raw = rawCollabClients(() => served.origin());
const served = serveCollab(collabThread, () => {
  clients.destroyAll();
  raw.closeAll();
});

/** An honest edit, saved: everything the server received before it has been handled. */
async function honestEditSaved(client: LiveTestClient, articleId: string, words: string) {
  const text = firstParagraph(client.document);
  text.insert(text.length, words);
  await expect
    .poll(async () => (await db().article.findUniqueOrThrow({ where: { id: articleId } })).plainText, {
      timeout: 30_000,
    })
    .toContain(words.trim());
}

describe('live collaboration against a hostile collaborator', () => {
  it('closes a socket that sends stateless broadcasts, which would reach every editor as if from the server', async () => {
    const editor = await liveUser(['EDITOR']);
    const reviewer = await liveUser(['REVIEWER']);
    const article = await createArticle(editor, { format: 'text', body: 'Prices rose by ten percent.' });
    const victim = await clients.connect(editor, article.id);
    const seen: string[] = [];
    victim.provider.on('stateless', ({ payload }: { payload: string }) => seen.push(payload));
    const attacker = await raw.connect(reviewer, article.id);
    expect(attacker.state.authenticated).toBe(true);
    const forged = JSON.stringify({ type: 'error', message: 'Your session expired: go to evil.example' });
    attacker.ws.send(frame(article.id, 6, (e) => encoding.writeVarString(e, forged)));
    await expect.poll(() => attacker.state.closed, { timeout: 10_000 }).toBe(4400);
    await honestEditSaved(victim, article.id, ' Checked.');
    expect(seen).not.toContain(forged);
    expect(victim.errors.join(' ')).not.toContain('evil.example');
  }, 90_000);

  it('refuses an update past the 2 MB limit sent as a sync reply, as it does a sync update', async () => {
    const editor = await liveUser(['EDITOR']);
    const other = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'A short article.' });
    const watcher = await clients.connect(other, article.id);
    const attacker = await raw.connect(editor, article.id);
    const big = attacker.change((f) => f.insert(f.length, [paragraphWith('x'.repeat(2 * 1024 * 1024 + 10))]));
    attacker.ws.send(updateFrame(article.id, big, 4));
    await expect.poll(() => attacker.state.closed, { timeout: 20_000 }).toBe(4413);
    await honestEditSaved(watcher, article.id, ' Honest words.');
    expect(watcher.document.getXmlFragment(COLLAB_FIELD).length).toBe(1);
  }, 90_000);

  it('closes a socket that keeps asking for the whole document, each answer costing the server the whole article', async () => {
    const editor = await liveUser(['EDITOR']);
    const reviewer = await liveUser(['REVIEWER']);
    const article = await createArticle(editor, { format: 'text', body: 'Asked for again and again.' });
    const watcher = await clients.connect(editor, article.id);
    const asker = await raw.connect(reviewer, article.id);
    // A sync step 1 with an empty state vector: "send me everything" (the connection's own first ask counts too).
    const everything = frame(article.id, 0, (e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
    });
    for (let i = 0; i < 50; i++) asker.ws.send(everything);
    await expect.poll(() => asker.state.closed, { timeout: 20_000 }).toBe(4429);
    await honestEditSaved(watcher, article.id, ' Still answered.');
    expect(watcher.closes).toEqual([]);
  }, 90_000);

  it('applies nothing a socket sends after it went over the message rate', async () => {
    const editor = await liveUser(['EDITOR']);
    const other = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Rate limited article.' });
    const watcher = await clients.connect(other, article.id);
    const attacker = await raw.connect(editor, article.id);
    const query = frame(article.id, 3, () => undefined);
    for (let i = 0; i < 1_001; i++) attacker.ws.send(query);
    for (let i = 0; i < 200; i++)
      attacker.ws.send(
        updateFrame(
          article.id,
          attacker.change((f) => f.insert(f.length, [paragraphWith(`after-close-${i}`)])),
        ),
      );
    await expect.poll(() => attacker.state.closed, { timeout: 20_000 }).not.toBeNull();
    await honestEditSaved(watcher, article.id, ' Still saved.');
    expect(watcher.document.getXmlFragment(COLLAB_FIELD).toString()).not.toContain('after-close');
  }, 90_000);

  it('refuses elements nested deeper than an article may be, and elements the editor does not know', async () => {
    const editor = await liveUser(['EDITOR']);
    const other = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Nested article.' });
    const elsewhere = await createArticle(other, { format: 'text', body: 'Another article entirely.' });
    const bystander = await clients.connect(other, elsewhere.id);
    const watcher = await clients.connect(other, article.id);

    const nester = await raw.connect(editor, article.id);
    const nested = nester.change((f) => {
      const top = new Y.XmlElement('blockquote');
      let at = top;
      f.insert(f.length, [top]);
      for (let i = 0; i < 50_000; i++) {
        const child = new Y.XmlElement('blockquote');
        at.insert(0, [child]);
        at = child;
      }
      at.insert(0, [paragraphWith('deep')]);
    });
    nester.ws.send(updateFrame(article.id, nested));
    await expect.poll(() => nester.state.closed, { timeout: 30_000 }).toBe(4400);

    const smuggler = await raw.connect(editor, article.id);
    const foreign = smuggler.change((f) => {
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText('alert(2)')]);
      f.insert(f.length, [script]);
    });
    smuggler.ws.send(updateFrame(article.id, foreign));
    await expect.poll(() => smuggler.state.closed, { timeout: 20_000 }).toBe(4400);

    await honestEditSaved(watcher, article.id, ' Honest words.');
    const stored = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(JSON.stringify(stored.content)).not.toMatch(/script|deep/);
    expect(watcher.document.getXmlFragment(COLLAB_FIELD).length).toBe(1);
    // The thread went on: an editor of another article was never cut off.
    expect(bystander.closes).toEqual([]);
  }, 120_000);

  it('never places a deep chain sent from its deepest end, piece by piece, each short alone', async () => {
    const editor = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Chained article.' });
    const watcher = await clients.connect(editor, article.id);
    const chainer = await raw.connect(editor, article.id);
    const pieces: Uint8Array[] = [];
    let at: Y.XmlElement | null = null;
    for (let i = 0; i < 200; i++)
      pieces.push(
        chainer.change((f) => {
          const child = new Y.XmlElement('blockquote');
          if (at) at.insert(0, [child]);
          else f.insert(f.length, [child]);
          at = child;
        }),
      );
    const asked = chainer.state.asked.length;
    for (const piece of pieces.reverse()) chainer.ws.send(updateFrame(article.id, piece));
    // Each piece that cannot be placed is dropped, and the sender asked for what the server lacks: at once, then once
    // more within a second for all the pieces after it (not once a piece).
    await expect.poll(() => chainer.state.asked.length - asked, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    await honestEditSaved(watcher, article.id, ' Still honest.');
    const stored = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    // Only the top piece, sent last, could be placed: one empty blockquote, no chain.
    expect(JSON.stringify(stored.content).match(/blockquote/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(
      watcher.document
        .getXmlFragment(COLLAB_FIELD)
        .toString()
        .match(/<blockquote>/g)?.length ?? 0,
    ).toBeLessThanOrEqual(1);
    expect(chainer.state.asked.length - asked).toBeLessThan(20);
  }, 120_000);

  it('repairs an element whose content the schema does not allow, and saving goes on', async () => {
    const editor = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Repaired article.' });
    const watcher = await clients.connect(editor, article.id);
    const breaker = await raw.connect(editor, article.id);
    breaker.ws.send(
      updateFrame(
        article.id,
        breaker.change((f) => f.insert(f.length, [new Y.XmlElement('blockquote')])),
      ),
    );
    await honestEditSaved(watcher, article.id, ' Saved all the same.');
    const stored = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.content).toMatchObject({
      content: expect.arrayContaining([{ type: 'blockquote', content: [{ type: 'paragraph' }] }]),
    });
    // Every editor has the repair.
    await expect
      .poll(() => watcher.document.getXmlFragment(COLLAB_FIELD).toString(), { timeout: 20_000 })
      .toContain('<blockquote><paragraph></paragraph></blockquote>');
  }, 60_000);

  it('asks an editor whose change arrived before the one it builds on for both, and places them in order', async () => {
    const editor = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Reconnecting article.' });
    const watcher = await clients.connect(editor, article.id);
    const late = await raw.connect(editor, article.id);
    const text = new Y.XmlText();
    const first = late.change((f) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      f.insert(f.length, [p]);
    });
    const second = late.change(() => text.insert(0, 'Typed while offline.'));
    const asked = late.state.asked.length;
    late.ws.send(updateFrame(article.id, second));
    await expect.poll(() => late.state.asked.length, { timeout: 20_000 }).toBe(asked + 1);
    expect(first.byteLength).toBeGreaterThan(0);
    late.ws.send(step2Frame(article.id, late.doc, late.state.asked[asked] as Uint8Array));
    await expect
      .poll(() => watcher.document.getXmlFragment(COLLAB_FIELD).toString(), { timeout: 20_000 })
      .toContain('Typed while offline.');
    expect(late.state.closed).toBeNull();
  }, 60_000);

  it('refuses one person more sockets than tabs would need, and takes them again once one closes', async () => {
    const editor = await liveUser(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Many tabs.' });
    const open = [];
    for (let i = 0; i < MAX_SOCKETS_PER_USER; i++) open.push(await raw.connect(editor, article.id));
    await expect(raw.connect(editor, article.id)).rejects.toThrow('upgrade refused 429');
    open[0]?.ws.terminate();
    await expect
      .poll(async () => (await raw.connect(editor, article.id).catch(() => null))?.state.synced, { timeout: 10_000 })
      .toBe(true);
  }, 90_000);
});
