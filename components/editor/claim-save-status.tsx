import type { Ref } from 'react';
import { Button } from '@/components/ui/button';
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

/** The claim draft's autosave state beside the panel's heading, announced politely (the article's has its own). */
export function ClaimSaveStatus({
  state,
  message,
  ref,
}: {
  state: SaveState;
  message: string | null;
  ref?: Ref<HTMLParagraphElement>;
}) {
  return (
    <p
      className={`claim-save-status save-${state}`}
      role="status"
      aria-live="polite"
      data-state={state}
      tabIndex={-1}
      ref={ref}
    >
      {labels[state]}
      {message && state !== 'conflict' ? ` — ${message}` : ''}
    </p>
  );
}

/** A draft refused because someone else saved the claim meanwhile: both versions named, and the two ways on. */
export function ClaimConflict({
  message,
  onOverwrite,
  onDiscard,
}: {
  message: string | null;
  onOverwrite: () => void;
  onDiscard: () => void;
}) {
  return (
    <div className="claim-conflict" role="alert">
      <p>{message}</p>
      <div className="step-buttons">
        <Button variant="danger" onClick={onOverwrite}>
          Overwrite with my version
        </Button>
        <Button variant="secondary" onClick={onDiscard}>
          Use their version (discard mine)
        </Button>
      </div>
    </div>
  );
}
