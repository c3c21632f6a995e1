import type { Ref } from 'react';
import type { SaveState } from './use-autosave';

const labels: Record<SaveState, string> = {
  saved: 'Saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  retrying: 'Server busy: retrying…',
  offline: 'Offline',
  conflict: 'Not saved',
  error: 'Not saved',
};

// Only what needs the person is announced: a screen reader is not told of every save made while typing.
const ANNOUNCED = new Set<SaveState>(['error', 'offline', 'retrying']);

/**
 * The claim draft's autosave state beside the panel's heading, always visible; a refusal, a lost connection or a busy
 * server is announced politely (a conflict is an alert of its own), the routine Unsaved/Saving/Saved are not.
 */
export function ClaimSaveStatus({
  state,
  message,
  ref,
}: {
  state: SaveState;
  message: string | null;
  ref?: Ref<HTMLParagraphElement>;
}) {
  const text = `${labels[state]}${message && state !== 'conflict' ? ` — ${message}` : ''}`;
  return (
    <>
      <p className={`claim-save-status save-${state}`} data-state={state} tabIndex={-1} ref={ref}>
        {text}
      </p>
      <span className="visually-hidden" role="status">
        {ANNOUNCED.has(state) ? text : ''}
      </span>
    </>
  );
}
