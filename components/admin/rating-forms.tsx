'use client';

import { useActionState } from 'react';
import { createRatingAction, updateRatingAction } from '@/lib/actions/ratings';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/validation/form-state';
import type { RatingDto } from '@/lib/validation/ratings';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { IconButton } from '@/components/ui/icon-button';
import { ConfirmForm } from '@/components/ui/dialog';
import { useToastingAction } from '@/components/ui/toast';

const initial: FormState = { status: 'idle' };

/** A rating's label, colour, value and description, as the create form and each rating's row ask for them. */
function RatingFields({
  prefix,
  values,
  errors,
  colourHint,
}: {
  prefix: string;
  values: Partial<Record<'label' | 'colour' | 'value' | 'description', string | number>> | undefined;
  errors: FormState['fieldErrors'];
  colourHint?: string;
}) {
  return (
    <>
      <Field label="Label" name="label" id={`${prefix}-label`} defaultValue={values?.label} error={errors?.label} />
      <Field
        label="Colour"
        name="colour"
        id={`${prefix}-colour`}
        hint={colourHint}
        defaultValue={values?.colour}
        error={errors?.colour}
      />
      <Field
        label="Value (empty: non-ordinal)"
        name="value"
        id={`${prefix}-value`}
        type="number"
        defaultValue={values?.value}
        error={errors?.value}
      />
      <Field label="Description" name="description" id={`${prefix}-description`} defaultValue={values?.description} />
    </>
  );
}

export function RatingRow({ rating, index }: { rating: RatingDto; index: number }) {
  const [state, action, pending] = useActionState(useToastingAction(updateRatingAction), initial);
  const prefix = `rating-${rating.id}`;
  return (
    <ConfirmForm
      action={action}
      className="rating-row"
      aria-label={`Rating ${rating.label}`}
      confirmation={(_submitter, form) =>
        rating.active && !new FormData(form).has('active')
          ? {
              title: `Take “${rating.label}” out of use?`,
              description:
                'Editors can no longer choose it. Verdicts that have it keep it, and published fact-checks do not change; you can put it back in use later.',
              confirmLabel: `Take ${rating.label} out of use`,
            }
          : null
      }
    >
      <input type="hidden" name="id" value={rating.id} />
      <input type="hidden" name="position" value={index} />
      <span className="rating-chip" style={{ backgroundColor: rating.colour }}>
        {rating.label}
      </span>
      <RatingFields
        prefix={prefix}
        values={{
          label: rating.label,
          colour: rating.colour,
          value: rating.value ?? '',
          description: rating.description,
        }}
        errors={state.fieldErrors}
      />
      <label className="checkbox">
        <input type="checkbox" name="active" defaultChecked={rating.active} /> In use
      </label>
      <div className="step-buttons">
        <Button type="submit" disabled={pending}>
          Save {rating.label}
        </Button>
        <IconButton type="submit" name="move" value="-1" icon={ArrowUp} label={`Move ${rating.label} up`} />
        <IconButton type="submit" name="move" value="1" icon={ArrowDown} label={`Move ${rating.label} down`} />
      </div>
      {state.status === 'error' && <FormMessage status={state.status} message={state.message} />}
    </ConfirmForm>
  );
}

export function CreateRatingForm() {
  const [state, action, pending] = useActionState(useToastingAction(createRatingAction), initial);
  return (
    <form action={action} className="form narrow" noValidate>
      {state.status === 'error' && <FormMessage status={state.status} message={state.message} />}
      <RatingFields
        prefix="new-rating"
        values={state.status === 'error' ? state.values : { label: '', colour: '#1d4ed8', value: '', description: '' }}
        errors={state.fieldErrors}
        colourHint="#rrggbb; white text on it needs a contrast of 4.5:1."
      />
      <Button type="submit" disabled={pending}>
        Add rating
      </Button>
    </form>
  );
}
