import type { SaveState } from './use-autosave';

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
  unsynced?: number;
}) {
  return (
    // data-unsynced: live edits sent that the server has not acknowledged yet (tests wait for 0).
    <p
      className={`save-status save-${state}`}
      role="status"
      aria-live="polite"
      data-state={state}
      data-unsynced={unsynced}
    >
      <span aria-hidden="true">
        {state === 'saved' ? '✓ ' : state === 'saving' || state === 'unsaved' || state === 'retrying' ? '… ' : '⚠ '}
      </span>
      {labels[state]}
      {message && state !== 'conflict' ? ` — ${message}` : ''}
    </p>
  );
}
