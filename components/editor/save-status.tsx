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
export function SaveStatus({ state, message }: { state: SaveState; message: string | null }) {
  return (
    <p className={`save-status save-${state}`} role="status" aria-live="polite" data-state={state}>
      <span aria-hidden="true">
        {state === 'saved' ? '✓ ' : state === 'saving' || state === 'unsaved' || state === 'retrying' ? '… ' : '⚠ '}
      </span>
      {labels[state]}
      {message && state !== 'conflict' ? ` — ${message}` : ''}
    </p>
  );
}
