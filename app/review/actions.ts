'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formError, formValues, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { addComment, setCommentResolved } from '@/lib/data/comments';
import { markNotificationsRead } from '@/lib/data/notifications';
import { reviewClaim } from '@/lib/data/claims/lifecycle';
import { commentInput, reviewInput } from '@/lib/validation/reviews';

export async function reviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  try {
    const input = reviewInput.parse({ decision: values.decision, comment: values.comment || undefined, claimVersion: Number(values.claimVersion) });
    await reviewClaim(await getActor(), String(values.claimId), input);
  } catch (err) {
    // The page shows the claim as it is now, and what changed, beside the message.
    if (err instanceof AppError && err.status === 409) revalidatePath(`/review/${String(values.claimId)}`);
    return formError(err, values);
  }
  revalidatePath('/review');
  redirect(`/review?done=${values.decision === 'approve' ? 'approved' : 'sent-back'}`);
}

export async function commentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  try {
    const input = commentInput.parse({ body: values.body });
    await addComment(await getActor(), String(values.claimId), input);
  } catch (err) {
    return formError(err, values);
  }
  revalidatePath(`/review/${values.claimId}`);
  return { status: 'ok', message: 'Comment added.' };
}

export async function resolveCommentAction(form: FormData): Promise<void> {
  await setCommentResolved(await getActor(), String(form.get('id')), form.get('resolved') === 'true');
  revalidatePath(`/review/${String(form.get('claimId'))}`);
}

export async function markAllReadAction(): Promise<void> {
  await markNotificationsRead(await getActor());
  revalidatePath('/inbox');
}
