'use server';

import { revalidatePath } from 'next/cache';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
import { createRating } from '@/lib/data/ratings/create-rating';
import { updateRating } from '@/lib/data/ratings/update-rating';
import { idSchema } from '@/lib/validation/common';
import { createRatingInput, updateRatingInput } from '@/lib/validation/ratings';

const valueOf = (raw: string | undefined) => (raw === undefined || raw.trim() === '' ? null : Number(raw));
/** The fields both rating forms send (components/admin/rating-forms.tsx `RatingFields`), as the inputs read them. */
const ratingFields = (values: Record<string, string>) => ({
  label: values.label,
  description: values.description,
  colour: values.colour,
  value: valueOf(values.value),
});

export async function createRatingAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const input = createRatingInput.parse(ratingFields(values));
    const rating = await createRating(await getActor(), input);
    revalidatePath('/admin/ratings');
    return { status: 'ok', message: `“${rating.label}” added to the scale.` };
  } catch (err) {
    return formError(err, values);
  }
}

export async function updateRatingAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const input = updateRatingInput.parse({
      ...ratingFields(values),
      active: values.active === 'on',
      ...(values.move ? { position: Math.max(0, Number(values.position) + Number(values.move)) } : {}),
    });
    const rating = await updateRating(await getActor(), idSchema.parse(values.id), input);
    revalidatePath('/admin/ratings');
    const moved = values.move ? ` and moved ${Number(values.move) < 0 ? 'up' : 'down'}` : '';
    return { status: 'ok', message: `“${rating.label}” saved${moved}.` };
  } catch (err) {
    return formError(err, values);
  }
}
