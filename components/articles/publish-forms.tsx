'use client';

import { useActionState } from 'react';
import { ConfirmForm } from '@/components/ui/dialog';
import { useToastingAction } from '@/components/ui/toast';
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
  withdrawnClaimIds = [],
  fingerprint,
}: {
  articleId: string;
  nextNumber: number;
  canPublish: boolean;
  /** The claims whose verdict readers see now and this publication withdraws, as the screen shows them. */
  withdrawnClaimIds?: readonly string[];
  /** The plan the screen shows (getPublishPlan's fingerprint): publishing is refused if it moved on. */
  fingerprint: string;
}) {
  const withdrawnVerdicts = withdrawnClaimIds.length;
  const [state, action, pending] = useActionState(useToastingAction(publishAction), { status: 'idle' } as FormState);
  return (
    <ConfirmForm
      action={action}
      className="form narrow"
      noValidate
      // The screen itself is the confirmation of what goes out: it lists every verdict readers will see, and its
      // button names the version. It asks again only when publishing takes away a verdict readers can see now.
      confirmation={() =>
        withdrawnVerdicts > 0
          ? {
              title: `Publish version ${nextNumber}?`,
              description: `It withdraws ${withdrawnVerdicts === 1 ? 'a verdict' : `${withdrawnVerdicts} verdicts`} readers can see now: ${
                withdrawnVerdicts === 1 ? 'it leaves' : 'they leave'
              } the public page until approved again. Every published version stays on record.`,
              confirmLabel: `Publish version ${nextNumber}`,
              confirmVariant: 'primary',
            }
          : null
      }
    >
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="withdraws" value={withdrawnClaimIds.join(',')} />
      <input type="hidden" name="plan" value={fingerprint} />
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
      {state.status === 'error' && <FormMessage status={state.status} message={state.message} />}
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
        {nextNumber > 1 ? `Publish correction (version ${nextNumber})` : 'Publish version 1'}
      </Button>
    </ConfirmForm>
  );
}

/** Retraction: the public page becomes a notice with this reason; the versions stay on record. */
export function RetractForm({ articleId }: { articleId: string }) {
  const [state, action, pending] = useActionState(useToastingAction(retractAction), { status: 'idle' } as FormState);
  return (
    <ConfirmForm
      action={action}
      className="form narrow"
      noValidate
      confirmation={() => ({
        title: 'Retract this fact-check?',
        description:
          'Its public page is replaced at once by the notice and your reason; every published version stays on record, and only publishing a new version lifts it.',
        confirmLabel: 'Retract the fact-check',
      })}
    >
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
      {state.status === 'error' && <FormMessage status={state.status} message={state.message} />}
      <Button type="submit" variant="danger" disabled={pending}>
        Retract the fact-check
      </Button>
    </ConfirmForm>
  );
}
