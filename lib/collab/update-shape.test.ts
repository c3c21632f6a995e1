// The live update guard refuses no honest edit: whatever article an editor builds (lists in quotes in lists, bold,
// links, overlapping claims) and however it is then edited, each update passes, applied in turn to the server's copy.
// And it refuses what no editor can make: unknown elements and marks, nesting past an article's.
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorSchema } from '@/lib/editor/schema';
import { COLLAB_FIELD } from './messages';
import { MAX_NEW_WRITERS, updateRefusal } from './update-shape';

type Json = Record<string, unknown>;
const text = (words: string, marks: Json[] = []): Json => ({
  type: 'text',
  text: words,
  ...(marks.length ? { marks } : {}),
});
const paragraph = (content: Json[]): Json => ({ type: 'paragraph', content });

const inline = fc
  .tuple(
    fc.stringMatching(/^[a-z ]{1,12}$/),
    fc.subarray([
      { type: 'bold' },
      { type: 'italic' },
      { type: 'link', attrs: { href: 'https://example.org/a' } },
      { type: 'claim', attrs: { id: 'c1' } },
      { type: 'claim', attrs: { id: 'c2' } },
    ]),
  )
  .map(([words, marks]) => text(words, marks));
const { block } = fc.letrec<{ block: Json }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(inline, { minLength: 1, maxLength: 3 }).map(paragraph),
    fc
      .array(inline, { minLength: 1, maxLength: 2 })
      .map((content) => ({ type: 'heading', attrs: { level: 2 }, content })),
    fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((content) => ({ type: 'blockquote', content })),
    fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((content) => ({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph([text('item')]), ...content] }],
    })),
  ),
}));
const article = fc.array(block, { minLength: 1, maxLength: 4 }).map((content) => ({ type: 'doc', content }));

/** An edit an editor makes: typing, formatting or deleting in some paragraph's text, or a new paragraph. */
const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('type', 'bold', 'delete', 'paragraph') });

function texts(node: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of node.toArray())
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) texts(child, out);
  return out;
}

describe('the live update guard', () => {
  it('passes every update an editor makes, from the first sync to each edit', () => {
    fc.assert(
      fc.property(article, fc.array(edit, { maxLength: 12 }), (doc, edits) => {
        const client = prosemirrorJSONToYDoc(editorSchema(), doc, COLLAB_FIELD);
        const server = new Y.Doc();
        const first = Y.encodeStateAsUpdate(client);
        expect(updateRefusal(server, first)).toBeNull();
        Y.applyUpdate(server, first);
        for (const { at, kind } of edits) {
          let update: Uint8Array | null = null;
          const grab = (u: Uint8Array) => (update = u);
          client.on('update', grab);
          const fragment = client.getXmlFragment(COLLAB_FIELD);
          const all = texts(fragment);
          const target = all[at % Math.max(1, all.length)];
          if (kind === 'paragraph' || !target) {
            const p = new Y.XmlElement('paragraph');
            p.insert(0, [new Y.XmlText('new words')]);
            fragment.insert(at % (fragment.length + 1), [p]);
          } else if (kind === 'type') target.insert(at % (target.length + 1), 'typed');
          else if (kind === 'bold' && target.length > 0) target.format(0, Math.min(3, target.length), { bold: {} });
          else if (kind === 'delete' && target.length > 0) target.delete(0, 1);
          client.off('update', grab);
          if (update) {
            expect(updateRefusal(server, update)).toBeNull();
            Y.applyUpdate(server, update);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses elements and marks the editor does not know and nesting deeper than an article; waits for what is missing', () => {
    const server = new Y.Doc();
    const refused = (build: (fragment: Y.XmlFragment) => void) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      build(client.getXmlFragment(COLLAB_FIELD));
      return updateRefusal(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    };
    expect(refused((f) => f.insert(0, [new Y.XmlElement('script')]))).toMatch(/Unknown element/);
    expect(
      refused((f) => {
        const t = new Y.XmlText();
        t.insert(0, 'x', { onclick: 'alert(1)' });
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [t]);
        f.insert(0, [p]);
      }),
    ).toMatch(/Unknown mark/);
    expect(
      refused((f) => {
        let at = new Y.XmlElement('blockquote');
        f.insert(0, [at]);
        for (let i = 0; i < 40; i++) {
          const child = new Y.XmlElement('blockquote');
          at.insert(0, [child]);
          at = child;
        }
      }),
    ).toMatch(/nested too deeply/);

    // An editor reconnecting may send an update before the one it builds on: it passes (Yjs holds it until then).
    const client = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    client.getXmlFragment(COLLAB_FIELD).insert(0, [p]);
    const before = Y.encodeStateVector(client);
    p.insert(0, [new Y.XmlText('typed offline')]);
    expect(updateRefusal(server, Y.encodeStateAsUpdate(client, before))).toBeNull();
  });

  it('refuses an update that brings more new writers than an editor can, and passes one of an earlier writer', () => {
    const server = new Y.Doc();
    const writers = (count: number, first = 1) => {
      const updates = Array.from({ length: count }, (_, i) => {
        const doc = new Y.Doc();
        doc.clientID = first + i;
        doc.getXmlFragment(COLLAB_FIELD).insert(0, [new Y.XmlElement('paragraph')]);
        return Y.encodeStateAsUpdate(doc);
      });
      return Y.mergeUpdates(updates);
    };
    expect(updateRefusal(server, writers(MAX_NEW_WRITERS + 1))).toBe('Too many writers in one change');
    expect(updateRefusal(server, writers(MAX_NEW_WRITERS))).toBeNull();
    // Writers the document already has do not count.
    Y.applyUpdate(server, writers(MAX_NEW_WRITERS));
    expect(updateRefusal(server, writers(MAX_NEW_WRITERS + 1))).toBeNull();
  });
});
