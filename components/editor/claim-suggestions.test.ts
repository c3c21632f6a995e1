// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { claimRanges } from '@/lib/editor/claim-marks';
import { editorExtensions } from '@/lib/editor/extensions';
import { plainText } from '@/lib/editor/plain-text';
import { documentFromText } from '@/lib/editor/schema';
import {
  acceptSuggestion,
  ClaimSuggestions,
  showSuggestions,
  shownSuggestions,
  type ShownSuggestion,
} from './claim-suggestions';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

const text = 'It rained.\nExports doubled to $4 billion in 2023, the ministry said.';
const words = 'Exports doubled to $4 billion in 2023';

function editorWithSuggestion(): { e: Editor; suggestion: ShownSuggestion } {
  editor = new Editor({ extensions: [...editorExtensions, ClaimSuggestions], content: documentFromText(text) });
  const pt = plainText(editor.state.doc);
  const start = pt.text.indexOf(words);
  const suggestion = {
    key: 's1',
    from: pt.toPos(start, 'start'),
    to: pt.toPos(start + words.length, 'end'),
    exact: words,
    score: 0.9,
    reasons: ['a figure (4 billion)'],
  };
  showSuggestions(editor, [suggestion]);
  return { e: editor, suggestion };
}

describe('suggested claims in a real editor', () => {
  it('underlines the words with their reasons as a tooltip', () => {
    const { e } = editorWithSuggestion();
    const underline = e.view.dom.querySelector('.claim-suggestion');
    expect(underline?.textContent).toBe(words);
    expect(underline?.getAttribute('title')).toContain('a figure (4 billion)');
  });

  it('moves with typing before it and is dropped when its words are deleted', () => {
    const { e, suggestion } = editorWithSuggestion();
    e.commands.insertContentAt(1, 'Heavily: ');
    const [moved] = shownSuggestions(e);
    expect(moved && e.state.doc.textBetween(moved.from, moved.to)).toBe(words);
    e.commands.deleteRange({ from: moved?.from ?? suggestion.from, to: moved?.to ?? suggestion.to });
    expect(shownSuggestions(e)).toEqual([]);
  });

  it('accepting marks exactly its words as a new claim and stops showing it', () => {
    const { e } = editorWithSuggestion();
    expect(acceptSuggestion(e, 's1')).toBe(true);
    const ranges = [...claimRanges(e.state.doc).values()];
    expect(ranges.map((r) => plainText(e.state.doc).text.slice(r.start, r.end))).toEqual([words]);
    expect(shownSuggestions(e)).toEqual([]);
    expect(acceptSuggestion(e, 's1')).toBe(false);
  });
});
