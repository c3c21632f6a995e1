// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { COLLAB_FIELD } from '@/lib/collab/messages';
import { collabExtensions } from './collab-extensions';
import { documentFromText } from './schema';

// jsdom has no layout and its ranges cannot even be measured: they measure empty here, as its elements do.
Range.prototype.getClientRects = () => document.createElement('span').getClientRects();
Range.prototype.getBoundingClientRect = () => document.createElement('span').getBoundingClientRect();

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

it("publishes this person's caret once after the frame, at its latest position, and clears it at once", async () => {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({ element, extensions: collabExtensions(doc, awareness) });
  editor.commands.setContent(documentFromText('The council said the budget rose.'));
  // Focused without scrolling (jsdom has no layout).
  editor.commands.setTextSelection(editor.state.doc.content.size - 1);
  (editor.view.dom as HTMLElement).focus();
  await nextFrame();
  const published: unknown[] = [];
  awareness.on('update', () => published.push(awareness.getLocalState()?.cursor));

  for (const character of 'abc') editor.commands.insertContent(character);
  expect(published).toEqual([]);
  await nextFrame();
  expect(published).toHaveLength(1);
  // The latest caret: after the three characters, at the end of the text.
  const { head } = published[0] as { head: unknown };
  const type = doc.getXmlFragment(COLLAB_FIELD);
  const paragraph = type.get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  expect(text.toString()).toBe('The council said the budget rose.abc');
  expect(Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(head), doc)).toMatchObject({
    type: text,
    index: text.length,
  });

  (editor.view.dom as HTMLElement).blur();
  editor.view.dom.dispatchEvent(new FocusEvent('focusout'));
  expect(awareness.getLocalState()?.cursor ?? null).toBeNull();
});
