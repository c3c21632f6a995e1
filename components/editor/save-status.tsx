'use client';

import { useEffect, useRef } from 'react';
import type { SaveState } from './use-autosave';
import type { LiveCount } from './use-collaboration';

const labels: Record<SaveState, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  retrying: 'Server busy: retrying…',
  offline: 'Offline',
  conflict: 'Conflict',
  error: 'Not saved',
};

/** The autosave state in words (and an icon), announced politely. */
export function SaveStatus({
  state,
  message,
  unsynced,
}: {
  state: SaveState;
  message: string | null;
  unsynced?: LiveCount;
}) {
  // Written to the element directly: a render per keystroke would commit, and a commit walks the focused article.
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!unsynced) return;
    const show = () => status.current?.setAttribute('data-unsynced', String(unsynced.get()));
    show();
    return unsynced.subscribe(show);
  }, [unsynced]);
  return (
    // data-unsynced: live edits sent that the server has not acknowledged yet (tests wait for 0).
    <p
      ref={status}
      className={`save-status save-${state}`}
      role="status"
      aria-live="polite"
      data-state={state}
      data-unsynced={unsynced?.get()}
    >
      <span aria-hidden="true">
        {state === 'saved' ? '✓ ' : state === 'saving' || state === 'unsaved' || state === 'retrying' ? '… ' : '⚠ '}
      </span>
      {labels[state]}
      {message && state !== 'conflict' ? ` — ${message}` : ''}
    </p>
  );
}
