'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useCallback, useState } from 'react';
import { findQuote } from '@/lib/anchoring/quote';
import { claimRanges } from '@/lib/editor/claim-marks';
import { plainText } from '@/lib/editor/plain-text';
import { suggestionsDto } from '@/lib/validation/suggestions';
import { Button } from '@/components/ui/button';
import {
  acceptSuggestion,
  claimSuggestionsKey,
  dismissSuggestion,
  showSuggestions,
  type ShownSuggestion,
} from './claim-suggestions';

export type SuggestStatus = { state: 'idle' | 'loading' | 'shown' } | { state: 'error'; message: string };

/**
 * "Suggest claims": asks the server for the article's check-worthy sentences and shows them in the editor.
 * The server scored the saved text; each suggestion is found again in the text as it is now by its quote
 * (so unsaved edits do not shift it), and one that a claim now overlaps is left out.
 */
export function useClaimSuggestions(editor: Editor | null, articleId: string) {
  const [status, setStatus] = useState<SuggestStatus>({ state: 'idle' });
  const suggest = useCallback(async () => {
    if (!editor) return;
    setStatus({ state: 'loading' });
    try {
      const response = await fetch(`/api/v1/articles/${articleId}/suggestions?limit=20`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { items } = suggestionsDto.parse(await response.json());
      const text = plainText(editor.state.doc);
      const claims = [...claimRanges(editor.state.doc).values()];
      const shown = items.flatMap((s): ShownSuggestion[] => {
        const match = findQuote(text.text, s.quote);
        if (match.kind !== 'found') return [];
        const { start, end } = match.position;
        if (claims.some((c) => c.start < end && start < c.end)) return [];
        return [
          {
            key: `${start}-${end}`,
            from: text.toPos(start, 'start'),
            to: text.toPos(end, 'end'),
            exact: s.quote.exact,
            score: s.score,
            reasons: s.reasons,
          },
        ];
      });
      showSuggestions(editor, shown);
      setStatus({ state: 'shown' });
    } catch {
      setStatus({ state: 'error', message: 'Suggestions could not be loaded. Try again.' });
    }
  }, [editor, articleId]);
  const hide = useCallback(() => {
    if (editor) showSuggestions(editor, []);
    setStatus({ state: 'idle' });
  }, [editor]);
  return { status, suggest, hide };
}

const excerpt = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The shown suggestions in document order with their reasons, each accepted or dismissed with one button. */
export function SuggestedClaims({
  editor,
  status,
  onHide,
  onAnnounce,
}: {
  editor: Editor;
  status: SuggestStatus;
  onHide: () => void;
  onAnnounce: (message: string) => void;
}) {
  const items = useEditorState({
    editor,
    selector: ({ editor: e }) => claimSuggestionsKey.getState(e.state)?.items ?? [],
  });
  if (status.state === 'idle') return null;
  const accept = (s: ShownSuggestion) => {
    const isMarked = acceptSuggestion(editor, s.key);
    onAnnounce(isMarked ? 'Suggestion accepted: claim marked.' : 'These words can no longer be marked as a claim.');
  };
  return (
    <section className="claims-panel suggested-claims" aria-labelledby="suggested-claims-heading">
      <h2 id="suggested-claims-heading">Suggested claims{status.state === 'shown' ? ` (${items.length})` : ''}</h2>
      {status.state === 'loading' && <p role="status">Scoring the article’s sentences…</p>}
      {status.state === 'error' && <p role="alert">{status.message}</p>}
      {status.state === 'shown' && items.length === 0 && (
        <p>No sentence left to suggest: every check-worthy one is a claim already, or none was found.</p>
      )}
      {items.length > 0 && (
        <>
          <p className="field-hint">
            Dotted underlines in the text. Accept marks the words as a claim (in the text: Alt+Enter).
          </p>
          <ol className="claim-list" aria-label="Suggested claims in document order">
            {items.map((s) => (
              <li key={s.key} className="claim-item" data-suggestion={s.key}>
                <p className="claim-quote">“{excerpt(s.exact)}”</p>
                <p className="claim-facts-line">
                  Why: {s.reasons.join('; ')} <span className="field-hint">(score {Math.round(s.score * 100)})</span>
                </p>
                <div className="step-buttons">
                  <Button
                    variant="tool"
                    onClick={() => accept(s)}
                    aria-label={`Accept as claim: ${excerpt(s.exact, 60)}`}
                  >
                    Accept as claim
                  </Button>
                  <Button
                    variant="link"
                    onClick={() => dismissSuggestion(editor, s.key)}
                    aria-label={`Dismiss suggestion: ${excerpt(s.exact, 60)}`}
                  >
                    Dismiss
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      <Button variant="link" onClick={onHide}>
        Hide suggestions
      </Button>
    </section>
  );
}
