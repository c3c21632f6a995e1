'use server';

import { revalidatePath } from 'next/cache';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
import { setAssignment } from '@/lib/data/articles/assign-article';
import { assignmentInput } from '@/lib/validation/articles';
import { idSchema } from '@/lib/validation/common';

export async function assignAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const input = assignmentInput.parse({
      factCheckerId: values.factCheckerId || null,
      reviewerId: values.reviewerId || null,
      dueDate: values.dueDate || null,
    });
    await setAssignment(await getActor(), idSchema.parse(values.articleId), input);
  } catch (err) {
    return formError(err, values);
  }
  revalidatePath(`/articles/${values.articleId}`);
  return { status: 'ok', message: 'Assignment saved.', values };
}
