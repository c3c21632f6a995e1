// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_FIELD } from '@/lib/collab/messages';
import { collabExtensions } from './collab-extensions';
import { documentFromText } from './schema';

const REMOTE = 'remote';
let editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
});

/** Two collaborating editors whose Yjs documents exchange every update at once, as the server relays them. */
function pair(text: string): [Editor, Editor, Y.Doc, Y.Doc] {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  docs.forEach((doc, i) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) Y.applyUpdate(docs[1 - i] as Y.Doc, update, REMOTE);
    }),
  );
  const [a, b] = docs.map(
    (doc) => new Editor({ element: document.createElement('div'), extensions: collabExtensions(doc, null) }),
  ) as [Editor, Editor];
  editors.push(a, b);
  a.commands.setContent(documentFromText(text));
  return [a, b, docs[0], docs[1]];
}

/** The editor's document is its shared document's content, node for node (read with the editor's own schema). */
const shows = (editor: Editor, doc: Y.Doc) =>
  editor.schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(COLLAB_FIELD))).eq(editor.state.doc);

const paragraphs = (editor: Editor) =>
  Array.from({ length: editor.state.doc.childCount }, (_, i) => editor.state.doc.child(i));

describe("the live editor's node cache (keepNodeCache)", () => {
  it("keeps the paragraphs another person's keystroke did not touch, and redraws the one it did", () => {
    const [a, b] = pair('First paragraph.\n\nSecond paragraph.\n\nThird paragraph.');
    const before = paragraphs(b);
    // Ann types in the second paragraph.
    a.commands.insertContentAt(a.state.doc.child(0).nodeSize + 7, 'X');
    const after = paragraphs(b);
    expect(b.getText({ blockSeparator: '\n' })).toBe('First paragraph.\nSecondX paragraph.\nThird paragraph.');
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('every editor always shows exactly its shared document, whatever both type, delete and split (model-based)', () => {
    const op = fc.record({
      who: fc.integer({ min: 0, max: 1 }),
      kind: fc.constantFrom('insert', 'delete', 'split', 'bold'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 6 }),
      text: fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('a', 'b', ' ', 'é') }),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const [a, b, docA, docB] = pair('Alpha beta gamma.\n\nDelta epsilon.\n\nZeta eta theta.');
        for (const { who, kind, at, length, text } of ops) {
          const editor = who === 0 ? a : b;
          const size = editor.state.doc.content.size;
          const from = Math.max(1, Math.min(size - 1, Math.floor(at * size)));
          const to = Math.min(size - 1, from + length);
          const chain = editor.chain().setTextSelection(kind === 'insert' || kind === 'split' ? from : { from, to });
          if (kind === 'insert') chain.insertContent(text).run();
          else if (kind === 'delete') chain.deleteSelection().run();
          else if (kind === 'split') chain.splitBlock().run();
          else chain.toggleBold().run();
          // Each editor is its own shared document, and both are the same (each editor has its own schema: JSON).
          expect(shows(a, docA)).toBe(true);
          expect(shows(b, docB)).toBe(true);
          expect(b.getJSON()).toEqual(a.getJSON());
        }
        for (const editor of [a, b]) editor.destroy();
        editors = [];
      }),
      { numRuns: 40 },
    );
  });
});
