'use client';

import { useEditor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TextPosition } from '@/lib/anchoring/quote';
import { claimRanges } from '@/lib/editor/claim-marks';
import { collabExtensions } from '@/lib/editor/collab-extensions';
import { editorExtensions } from '@/lib/editor/extensions';
import { plainText } from '@/lib/editor/plain-text';
import type { ArticleDto, OmittedItem } from '@/lib/validation/articles';
import { ClaimLabels } from './claim-labels';
import { ClaimSuggestions } from './claim-suggestions';
import { pastedOmissions } from './pasted-media';
import type { LiveDocument } from './use-collaboration';

const REFRESH_MS = 250;

const byDocumentOrder = (a: [string, TextPosition], b: [string, TextPosition]) =>
  a[1].start - b[1].start || b[1].end - a[1].end;

/** Each claim's words in document order, keyed by claim id. */
export type ClaimQuotes = ReadonlyMap<string, string>;

function sameQuotes(a: ClaimQuotes, b: ClaimQuotes): boolean {
  if (a.size !== b.size) return false;
  const other = b.entries();
  for (const [id, quote] of a) {
    const next = other.next().value;
    if (!next || next[0] !== id || next[1] !== quote) return false;
  }
  return true;
}

/**
 * The article's Tiptap editor, and each claim's words in its text (followed after a pause). The quotes stay the same
 * Map while no claim's words or order changed: typing elsewhere (one's own or a colleague's) re-renders nothing.
 * `onEdited(true)`: a claim was added, saved at once; `onActivate`: a highlight was clicked (the innermost claim);
 * `onLeftOut`: a paste or a drop came in without media the article cannot hold (see pastedOmissions).
 */
export function useArticleText({
  article,
  dir,
  live,
  isLive,
  onEdited,
  onActivate,
  announce,
  onLeftOut,
}: {
  article: ArticleDto;
  dir: 'ltr' | 'rtl';
  live: LiveDocument | null;
  isLive: boolean;
  onEdited: (immediately?: boolean) => void;
  onActivate: (id: string) => void;
  announce: (message: string) => void;
  onLeftOut: (items: OmittedItem[]) => void;
}) {
  // The editor is made once per document: it calls the latest callback, not the first one.
  const leftOut = useRef(onLeftOut);
  useEffect(() => {
    leftOut.current = onLeftOut;
  });
  // HTML is looked at as it is parsed (transformPastedHTML); a copied or dragged picture alone comes only as a file.
  // Answers false: the editor goes on with the paste or drop as usual.
  const leftOutFiles = (data: DataTransfer | null): boolean => {
    if (data && !data.getData('text/html')) {
      const left = pastedOmissions(null, [...data.files]);
      if (left.length > 0) leftOut.current(left);
    }
    return false;
  };
  const [quotes, setQuotes] = useState<ClaimQuotes>(new Map());
  const knownRanges = useRef(new Map<string, TextPosition>());
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshLocal = useCallback(
    (doc: Parameters<typeof claimRanges>[0], ranges: Map<string, TextPosition> = claimRanges(doc)) => {
      const { text } = plainText(doc);
      const next: ClaimQuotes = new Map(
        [...ranges].sort(byDocumentOrder).map(([id, r]) => [id, text.slice(r.start, r.end)]),
      );
      setQuotes((current) => (sameQuotes(current, next) ? current : next));
    },
    [],
  );

  const editor = useEditor(
    {
      extensions: live
        ? [...collabExtensions(live.document, live.provider.awareness), ClaimLabels, ClaimSuggestions]
        : [...editorExtensions, ClaimLabels, ClaimSuggestions],
      // Live, the text comes from the shared document; until it is synced, the stored text shows read-only.
      content: live ? undefined : article.content,
      editable: !isLive || live !== null,
      immediatelyRender: false,
      editorProps: {
        attributes: {
          class: 'editor-content article-body',
          'aria-label': 'Article text',
          'aria-multiline': 'true',
          lang: article.language,
          dir,
        },
        transformPastedHTML: (html) => {
          const left = pastedOmissions(html);
          if (left.length > 0) leftOut.current(left);
          return html;
        },
        handlePaste: (_view, event) => leftOutFiles(event.clipboardData),
        handleDrop: (_view, event) => leftOutFiles(event.dataTransfer),
        handleClick: (view, pos) => {
          const marks = view.state.doc
            .resolve(pos)
            .marks()
            .filter((m) => m.type.name === 'claim');
          const current = claimRanges(view.state.doc);
          const inner = marks
            .map((m) => String(m.attrs.id))
            .sort((a, b) => {
              const ra = current.get(a);
              const rb = current.get(b);
              return (ra ? ra.end - ra.start : 0) - (rb ? rb.end - rb.start : 0);
            })[0];
          if (inner) {
            onActivate(inner);
            document.getElementById(`claim-item-${inner}`)?.scrollIntoView({ block: 'nearest' });
          }
          return false;
        },
      },
      onCreate: ({ editor: e }) => {
        knownRanges.current = claimRanges(e.state.doc);
        refreshLocal(e.state.doc, knownRanges.current);
      },
      onUpdate: ({ editor: e, transaction }) => {
        if (!transaction.docChanged) return;
        if (!isLive) onEdited();
        // The sidebar follows after a pause: recomputing it on every keystroke would cost more than a frame.
        clearTimeout(refreshTimer.current);
        refreshTimer.current = setTimeout(() => {
          const after = claimRanges(e.state.doc);
          const before = knownRanges.current;
          knownRanges.current = after;
          refreshLocal(e.state.doc, after);
          const lost = [...before.keys()].filter((id) => !after.has(id));
          if (lost.length > 0)
            announce(
              `${lost.length === 1 ? 'A claim was' : `${lost.length} claims were`} detached: its words were removed. See “Detached claims”.`,
            );
          if (!isLive && [...after.keys()].some((id) => !before.has(id))) onEdited(true);
        }, REFRESH_MS);
      },
    },
    [live],
  );
  return { editor, quotes, refreshLocal };
}
