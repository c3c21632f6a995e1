// A live document holds nothing back from an editor (held-back.ts): a chain sent from its deepest end never falls into
// place, and an honest editor whose update arrived before the one it builds on is asked for both, and loses nothing.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_DOCUMENT_DEPTH } from '@/lib/editor/schema';
import { dropHeldBack, holdNothingBack, RESYNC_MS } from './held-back';
import { COLLAB_FIELD } from './messages';
import { updateRefusal } from './update-shape';

/** How many elements deep the document's text goes. */
const depthOf = (doc: Y.Doc): number => {
  let deepest = 0;
  const stack: [Y.XmlElement | Y.XmlFragment, number][] = [[doc.getXmlFragment(COLLAB_FIELD), 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of node.toArray()) if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
  }
  return deepest;
};

/** Each change of `build` as its own update, in the order made. */
const updatesOf = (doc: Y.Doc, build: (doc: Y.Doc) => void): Uint8Array[] => {
  const updates: Uint8Array[] = [];
  const grab = (update: Uint8Array) => updates.push(update);
  doc.on('update', grab);
  build(doc);
  doc.off('update', grab);
  return updates;
};

const EDITOR = 'editor socket';
const OTHER = 'another editor socket';
const watched = () => {
  const server = new Y.Doc();
  // Each ask, with the editors it went to.
  const resyncs: string[][] = [];
  holdNothingBack(
    server,
    (origin) => (origin === EDITOR || origin === OTHER ? origin : null),
    (editors) => resyncs.push(editors),
  );
  return { server, resyncs };
};

describe('a live document holds nothing back from an editor', () => {
  it('never places a chain sent from its deepest end, piece by piece, though each piece passes the checks alone', async () => {
    const pieces = updatesOf(new Y.Doc(), (client) => {
      let at: Y.XmlElement | Y.XmlFragment = client.getXmlFragment(COLLAB_FIELD);
      for (let i = 0; i < MAX_DOCUMENT_DEPTH + 20; i++) {
        const child = new Y.XmlElement('blockquote');
        at.insert(0, [child]);
        at = child;
      }
    });
    const { server, resyncs } = watched();
    for (const piece of pieces.reverse()) {
      expect(updateRefusal(server, piece)).toBeNull();
      Y.applyUpdate(server, piece, EDITOR);
    }
    // Only the top piece, the one sent last, builds on what the document has.
    expect(depthOf(server)).toBe(1);
    expect(server.store.pendingStructs).toBeNull();
    // Asked at once for the first piece; for the others, once, within a second.
    expect(resyncs).toEqual([[EDITOR]]);
    await expect.poll(() => resyncs, { timeout: 10_000 }).toEqual([[EDITOR], [EDITOR]]);
  });

  it('asks editors flooding it with updates that build on nothing once a second together, not once an update', async () => {
    const pieces = updatesOf(new Y.Doc(), (client) => {
      const text = new Y.XmlText();
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      client.getXmlFragment(COLLAB_FIELD).insert(0, [p]);
      for (let i = 0; i < 1_000; i++) text.insert(0, 'x');
    });
    const { server, resyncs } = watched();
    const started = performance.now();
    for (const piece of pieces.slice(1)) {
      Y.applyUpdate(server, piece, EDITOR);
      Y.applyUpdate(server, piece, OTHER);
    }
    // At most one ask a second (the first at once), however busy the machine made the loop.
    const asks = 1 + Math.floor((performance.now() - started) / RESYNC_MS);
    expect(resyncs.length).toBeLessThanOrEqual(asks);
    expect(resyncs[0]).toEqual([EDITOR]);
    // Whoever is still waiting is asked once more, together.
    await expect.poll(() => [...(resyncs.at(-1) ?? [])].sort(), { timeout: 10_000 }).toEqual([OTHER, EDITOR].sort());
    expect(resyncs.length).toBeLessThanOrEqual(asks + 1);
    expect(server.getXmlFragment(COLLAB_FIELD).length).toBe(0);
  });

  it('asks an honest editor whose update came first for all the server lacks, and then has all of it', () => {
    const client = new Y.Doc();
    const [first, second] = updatesOf(client, (doc) => {
      const text = new Y.XmlText();
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [text]);
      doc.getXmlFragment(COLLAB_FIELD).insert(0, [p]);
      text.insert(0, 'typed offline');
    }) as [Uint8Array, Uint8Array];
    const { server, resyncs } = watched();
    Y.applyUpdate(server, second, EDITOR);
    expect(resyncs).toEqual([[EDITOR]]);
    expect(first.byteLength).toBeGreaterThan(0);
    // The provider answers the sync step 1 with everything the server's state vector lacks, in order.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), EDITOR);
    expect(server.getXmlFragment(COLLAB_FIELD).toString()).toBe(client.getXmlFragment(COLLAB_FIELD).toString());
    expect(resyncs).toHaveLength(1);
  });

  it('leaves what the server itself applies (another instance relaying) to Yjs, and drops deletions held back too', () => {
    const client = new Y.Doc();
    const [first, second] = updatesOf(client, (doc) => {
      doc.getXmlFragment(COLLAB_FIELD).insert(0, [new Y.XmlElement('paragraph')]);
      doc.getXmlFragment(COLLAB_FIELD).delete(0, 1);
    }) as [Uint8Array, Uint8Array];
    const { server, resyncs } = watched();
    Y.applyUpdate(server, second, 'relay');
    expect(server.store.pendingDs).not.toBeNull();
    expect(resyncs).toEqual([]);
    Y.applyUpdate(server, first, 'relay');
    expect(server.getXmlFragment(COLLAB_FIELD).length).toBe(0);

    const other = new Y.Doc();
    Y.applyUpdate(other, second);
    expect(dropHeldBack(other)).toBe(true);
    expect(other.store.pendingDs).toBeNull();
    expect(dropHeldBack(other)).toBe(false);
  });
});
