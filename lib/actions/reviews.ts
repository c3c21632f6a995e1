'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { formError, formValues, notAForm, parseForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
import { addComment } from '@/lib/data/reviews/add-comment';
import { setCommentResolved } from '@/lib/data/reviews/set-comment-resolved';
import { markNotificationsRead } from '@/lib/data/notifications/mark-notifications-read';
import { openNotification } from '@/lib/data/notifications/open-notification';
import { reviewClaim } from '@/lib/data/claims/lifecycle';
import { listReviewQueue, WHOLE_QUEUE } from '@/lib/data/reviews/list-review-queue';
import { nextInQueue } from '@/lib/review/next-in-queue';
import { idSchema } from '@/lib/validation/common';
import { commentInput, reviewInput } from '@/lib/validation/reviews';

export async function reviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const input = reviewInput.parse({
      decision: values.decision,
      comment: values.comment || undefined,
      claimVersion: Number(values.claimVersion),
    });
    await reviewClaim(await getActor(), idSchema.parse(values.claimId), input);
  } catch (err) {
    // The page shows the claim as it is now, and what changed, beside the message.
    if (err instanceof AppError && err.status === 409) revalidatePath(`/review/${String(values.claimId)}`);
    return formError(err, values, ['claimId', 'claimVersion']);
  }
  revalidatePath('/review');
  const done = values.decision === 'approve' ? 'approved' : 'sent-back';
  const next = await nextToReview(values.next ?? '');
  redirect(next ? `/review/${next}?done=${done}` : `/review?done=${done}`);
}

/** After a decision, the claim the page offered as next if it still waits, else the oldest this reviewer may decide on. */
async function nextToReview(offered: string): Promise<string | null> {
  const queue = await listReviewQueue(await getActor(), {}, WHOLE_QUEUE).catch(() => null);
  if (!queue) return null;
  return queue.items.some((c) => c.claimId === offered) ? offered : nextInQueue(queue.items, offered);
}

export async function commentAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const input = commentInput.parse({ body: values.body });
    await addComment(await getActor(), idSchema.parse(values.claimId), input);
  } catch (err) {
    return formError(err, values);
  }
  revalidatePath(`/review/${values.claimId}`);
  return { status: 'ok', message: 'Comment added.' };
}

const resolveForm = z.object({ id: idSchema, claimId: idSchema, resolved: z.enum(['true', 'false']) });

/** Forms without a message: a bad argument or a refused change leaves the page as it is (nothing is written). */
export async function resolveCommentAction(form: FormData): Promise<void> {
  const input = parseForm(form, resolveForm);
  if (!input) return;
  try {
    await setCommentResolved(await getActor(), input.id, input.resolved === 'true');
  } catch (err) {
    if (err instanceof AppError) return;
    throw err;
  }
  revalidatePath(`/review/${input.claimId}`);
}

export async function markAllReadAction(): Promise<void> {
  try {
    await markNotificationsRead(await getActor());
  } catch (err) {
    if (err instanceof AppError) return;
    throw err;
  }
  revalidatePath('/inbox');
}

/** Opening a notification marks it read and goes to its claim. */
export async function openNotificationAction(form: unknown): Promise<void> {
  const input = parseForm(form, z.object({ id: idSchema }));
  if (!input) return;
  let href: string | null;
  try {
    href = await openNotification(await getActor(), input.id);
  } catch (err) {
    if (err instanceof AppError) return;
    throw err;
  }
  revalidatePath('/inbox');
  redirect(href ?? '/inbox');
}
