import { Editor } from '@tiptap/core';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { afterEach, describe, expect, it } from 'vitest';
import { claimRetypingPlugin, markClaimRefusal } from './claim-mark';
import { addClaimMark, claimRanges } from './claim-marks';
import { editorExtensions } from './extensions';
import { plainText } from './plain-text';
import { documentFromText, parseDocument } from './schema';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function editorWith(text: string): Editor {
  editor = new Editor({ extensions: editorExtensions, content: documentFromText(text) });
  return editor;
}

function select(e: Editor, words: string): void {
  const text = plainText(e.state.doc);
  const start = text.text.indexOf(words);
  e.commands.setTextSelection({ from: text.toPos(start, 'start'), to: text.toPos(start + words.length, 'end') });
}

describe('the claim mark in a real editor', () => {
  it('marks the selection without its surrounding spaces', () => {
    const e = editorWith('The sky is green today.');
    select(e, ' sky is green ');
    expect(e.commands.markClaim('a0000000-0000-4000-8000-000000000001')).toBe(true);
    expect(claimRanges(e.state.doc).get('a0000000-0000-4000-8000-000000000001')).toEqual({ start: 4, end: 16 });
  });

  it('adds an overlapping claim without changing the first one', () => {
    const e = editorWith('The sky is green today.');
    select(e, 'sky is green');
    e.commands.markClaim('a0000000-0000-4000-8000-000000000001');
    select(e, 'green today');
    e.commands.markClaim('a0000000-0000-4000-8000-000000000002');
    const ranges = claimRanges(e.state.doc);
    expect(ranges.get('a0000000-0000-4000-8000-000000000001')).toEqual({ start: 4, end: 16 });
    expect(ranges.get('a0000000-0000-4000-8000-000000000002')).toEqual({ start: 11, end: 22 });
  });

  it('does not grow when typing at its edge', () => {
    const e = editorWith('The sky is green today.');
    select(e, 'sky');
    e.commands.markClaim('a0000000-0000-4000-8000-000000000001');
    const end = plainText(e.state.doc).toPos(7, 'end');
    e.view.dispatch(e.state.tr.insertText('X', end));
    expect(plainText(e.state.doc).text).toBe('The skyX is green today.');
    expect(claimRanges(e.state.doc).get('a0000000-0000-4000-8000-000000000001')).toEqual({ start: 4, end: 7 });
  });

  it('refuses an empty or blank selection', () => {
    const e = editorWith('The sky is green today.');
    select(e, ' ');
    expect(e.commands.markClaim()).toBe(false);
  });

  it('refuses a second claim on exactly the words of a claim, and says why', () => {
    const e = editorWith('The sky is green today.');
    select(e, 'sky is green');
    expect(markClaimRefusal(e.state)).toBeNull();
    e.commands.markClaim('a0000000-0000-4000-8000-000000000001');
    select(e, ' sky is green ');
    expect(markClaimRefusal(e.state)).toBe('duplicate');
    expect(e.commands.markClaim('a0000000-0000-4000-8000-000000000002')).toBe(false);
    expect([...claimRanges(e.state.doc).keys()]).toEqual(['a0000000-0000-4000-8000-000000000001']);
    select(e, 'sky is');
    expect(markClaimRefusal(e.state)).toBeNull();
    select(e, ' ');
    expect(markClaimRefusal(e.state)).toBe('empty');
  });
});

describe('retyping the words of a claim', () => {
  it('keeps the replacement in every claim that covered the replaced words, also at a claim’s end', () => {
    const text = 'Russia committed to a legislative promise not to pursue territory.';
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    let doc = parseDocument(documentFromText(text));
    doc = addClaimMark(doc, at('Russia committed to a legislative promise'), 'a0000000-0000-4000-8000-000000000001');
    doc = addClaimMark(
      doc,
      at('a legislative promise not to pursue territory'),
      'a0000000-0000-4000-8000-000000000002',
    );
    // A stand-in for the browser's view: asks the plugin first, as ProseMirror does for typed text.
    let state = EditorState.create({ doc, plugins: [claimRetypingPlugin('claim')] });
    const view = {
      get state() {
        return state;
      },
      dispatch: (tr: Transaction) => (state = state.apply(tr)),
    } as unknown as EditorView;
    const plugin = state.plugins[0];
    const replaced = at('legislative promise');
    let from = plainText(doc).toPos(replaced.start, 'start');
    let to = plainText(doc).toPos(replaced.end, 'end');
    for (const ch of 'binding pledge') {
      const handled = plugin?.props.handleTextInput?.call(plugin, view, from, to, ch, () => state.tr) ?? false;
      if (!handled) view.dispatch(state.tr.insertText(ch, from, to));
      from = to = from + 1;
      view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from)).setMeta('addToHistory', false));
    }
    const now = plainText(state.doc).text;
    const ranges = claimRanges(state.doc);
    const words = (id: string) => {
      const r = ranges.get(id);
      return r ? now.slice(r.start, r.end) : null;
    };
    expect(words('a0000000-0000-4000-8000-000000000001')).toBe('Russia committed to a binding pledge');
    expect(words('a0000000-0000-4000-8000-000000000002')).toBe('a binding pledge not to pursue territory');
  });
});
