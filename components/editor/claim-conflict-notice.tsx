import { Button } from '@/components/ui/button';

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
