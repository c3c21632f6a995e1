'use client';

import { useActionState } from 'react';
import { publishAction, retractAction } from '@/lib/actions/publications';
import { TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import { Button } from '@/components/ui/button';

/** Publish version N: a correction note is asked for from version 2 on. */
export function PublishForm({
  articleId,
  nextNumber,
  canPublish,
}: {
  articleId: string;
  nextNumber: number;
  canPublish: boolean;
}) {
  const [state, action, pending] = useActionState(publishAction, { status: 'idle' } as FormState);
  return (
    <form action={action} className="form narrow" noValidate>
      <input type="hidden" name="articleId" value={articleId} />
      {nextNumber > 1 && (
        <TextAreaField
          id="publish-correction-note"
          label={`Correction note for version ${nextNumber} (readers see it)`}
          name="correctionNote"
          rows={3}
          required
          defaultValue={state.values?.correctionNote ?? ''}
          error={state.fieldErrors?.correctionNote}
        />
      )}
      <FormMessage status={state.status} message={state.message} />
      {state.status === 'ok' && state.secret && (
        <p>
          <a href={state.secret}>Open the published page</a>
        </p>
      )}
      {state.status === 'error' &&
        state.fieldErrors &&
        Object.keys(state.fieldErrors).some((k) => k !== 'correctionNote') && (
          <ul className="form-error">
            {Object.entries(state.fieldErrors)
              .filter(([k]) => k !== 'correctionNote')
              .map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
          </ul>
        )}
      <Button type="submit" disabled={pending || !canPublish}>
        {nextNumber > 1 ? `Publish correction (version ${nextNumber})` : 'Publish'}
      </Button>
    </form>
  );
}

/** Retraction: the public page becomes a notice with this reason; the versions stay on record. */
export function RetractForm({ articleId }: { articleId: string }) {
  const [state, action, pending] = useActionState(retractAction, { status: 'idle' } as FormState);
  return (
    <form action={action} className="form narrow" noValidate>
      <input type="hidden" name="articleId" value={articleId} />
      <TextAreaField
        id="retract-reason"
        label="Reason for the retraction (readers see it)"
        name="reason"
        rows={3}
        required
        defaultValue={state.values?.reason ?? ''}
        error={state.fieldErrors?.reason}
      />
      <FormMessage status={state.status} message={state.message} />
      <Button type="submit" variant="danger" disabled={pending}>
        Retract the fact-check
      </Button>
    </form>
  );
}
