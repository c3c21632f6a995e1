'use client';

import type { Editor } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import { markClaimRefusal } from '@/lib/editor/claim-mark';

/**
 * "Mark claim" from the toolbar, the bubble menu or Ctrl+Shift+C; when it cannot mark, `markHint` says why
 * (shown beside the toolbar and announced) until the next mark.
 */
export function useMarkClaim(editor: Editor | null, announce: (message: string) => void) {
  const [markHint, setMarkHint] = useState<string | null>(null);
  const refuseMark = () => {
    const hint =
      editor && markClaimRefusal(editor.state) === 'duplicate'
        ? 'These words are already marked as a claim: select other words, or open that claim.'
        : 'Select the words of the claim first, then choose “Mark claim” (Ctrl+Shift+C).';
    setMarkHint(hint);
    announce(hint);
  };
  const markClaim = () => {
    if (!editor?.chain().focus().markClaim().run()) refuseMark();
    else {
      setMarkHint(null);
      announce('Claim marked.');
    }
  };
  /** True when the key was Ctrl+Shift+C in the text: the editor's own shortcut marked, or this refused. */
  const onMarkKey = (event: KeyboardEvent): boolean => {
    if (
      !(event.ctrlKey || event.metaKey) ||
      !event.shiftKey ||
      event.key.toLowerCase() !== 'c' ||
      event.target !== editor?.view.dom
    )
      return false;
    if (event.defaultPrevented) setMarkHint(null);
    else {
      event.preventDefault();
      refuseMark();
    }
    return true;
  };
  return { markHint, markClaim, onMarkKey };
}
