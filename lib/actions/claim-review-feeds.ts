'use server';

import { revalidatePath } from 'next/cache';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
import { FEED_BUSY } from '@/lib/data/claim-memory/run-claim-review-feed';
import { addClaimReviewFeed } from '@/lib/data/claim-memory/add-claim-review-feed';
import { refreshClaimReviewFeedNow } from '@/lib/data/claim-memory/refresh-claim-review-feed-now';
import { removeClaimReviewFeed } from '@/lib/data/claim-memory/remove-claim-review-feed';
import { claimReviewFeedInput } from '@/lib/validation/claim-reviews';
import { idSchema } from '@/lib/validation/common';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function addFeedAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const feed = await addClaimReviewFeed(await getActor(), claimReviewFeedInput.parse({ url: values.url }).url);
    revalidatePath('/admin/feeds');
    return { status: 'ok', message: `${feed.url} added. It is refreshed on the schedule, or now with “Refresh now”.` };
  } catch (err) {
    return formError(err, values);
  }
}

/** "Refresh now" and "Remove" of one feed's row (the button pressed is `intent`). */
export async function feedRowAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const id = idSchema.parse(values.id);
    const actor = await getActor();
    if (values.intent === 'remove') {
      await removeClaimReviewFeed(actor, id);
      revalidatePath('/admin/feeds');
      return { status: 'ok', message: 'Feed removed. The claims it imported stay.' };
    }
    const result = await refreshClaimReviewFeedNow(actor, id);
    revalidatePath('/admin/feeds');
    if ('error' in result && result.error === FEED_BUSY)
      return { status: 'ok', isNotice: true, message: 'This feed is already being refreshed; try again in a minute.' };
    if ('error' in result) return { status: 'error', message: `The refresh failed: ${result.error}` };
    return {
      status: 'ok',
      message: `Refreshed: ${result.imported} imported, ${result.updated} updated, ${result.skipped} unchanged, ${plural(result.errors.length, 'error')}.`,
    };
  } catch (err) {
    return formError(err, values);
  }
}
