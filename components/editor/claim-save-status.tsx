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

/** A field both people changed: the other version's value beside this person's. */
export interface ConflictingField {
  name: string;
  label: string;
  theirs: string;
  mine: string;
}

/**
 * A draft refused because someone else saved the claim meanwhile: both versions named, their value beside each field
 * both changed, and the two ways on (overwriting sends only the fields this person changed).
 */
export function ClaimConflict({
  message,
  fields,
  onOverwrite,
  onDiscard,
}: {
  message: string | null;
  fields: ConflictingField[];
  onOverwrite: () => void;
  onDiscard: () => void;
}) {
  return (
    <div className="claim-conflict" role="alert">
      <p>{message}</p>
      {fields.length > 0 ? (
        <dl className="claim-conflict-fields">
          {fields.map((f) => (
            <div key={f.name} data-field={f.name}>
              <dt>{f.label}</dt>
              <dd>
                Theirs: “{f.theirs}” · Yours: “{f.mine}”
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>They changed none of the fields you changed: overwriting keeps their changes to the others.</p>
      )}
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
