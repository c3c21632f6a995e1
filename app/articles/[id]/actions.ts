'use server';

import { revalidatePath } from 'next/cache';
import { formError, formValues, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/auth/session';
import { setAssignment } from '@/lib/data/assignment';
import { assignmentInput } from '@/lib/validation/articles';

export async function assignAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  try {
    const input = assignmentInput.parse({
      factCheckerId: values.factCheckerId || null,
      reviewerId: values.reviewerId || null,
      dueDate: values.dueDate || null,
    });
    await setAssignment(await getActor(), String(values.articleId), input);
  } catch (err) {
    return formError(err, values);
  }
  revalidatePath(`/articles/${values.articleId}`);
  return { status: 'ok', message: 'Assignment saved.', values };
}
