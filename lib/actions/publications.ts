'use server';

import { revalidatePath } from 'next/cache';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
import { getPublishPlan } from '@/lib/data/publications/get-publish-plan';
import { publishArticle } from '@/lib/data/publications/publish-article';
import { retractArticle } from '@/lib/data/publications/retract-article';
import { publishInput, retractInput } from '@/lib/validation/articles';
import { idSchema } from '@/lib/validation/common';

export async function publishAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const input = publishInput.parse({ correctionNote: values.correctionNote || undefined });
    const actor = await getActor();
    const articleId = idSchema.parse(values.articleId);
    // What the Publish screen showed is what goes out: if the plan moved on since it was drawn (a claim approved,
    // changed or sent back; above all a verdict readers see that publishing would now withdraw, which is the one
    // case the screen asks about again), nothing is published and the person is told to look again.
    const plan = await getPublishPlan(actor, articleId);
    if (values.plan !== plan.fingerprint) {
      const shown = new Set((values.withdraws ?? '').split(',').filter(Boolean));
      const unseen = plan.claims.filter((c) => c.withdrawnRating !== null && !shown.has(c.id));
      return {
        status: 'error',
        message:
          unseen.length > 0
            ? `Since this page was opened, publishing would also withdraw the verdict on ${unseen
                .map((c) => `“${c.exact}”`)
                .join(', ')}: reload the page to see what goes out now.`
            : 'Since this page was opened, what goes out changed (a claim was approved, changed or sent back): reload the page to see what goes out now.',
        values,
      };
    }
    const published = await publishArticle(actor, articleId, input);
    revalidatePath(`/articles/${values.articleId}/publish`);
    return { status: 'ok', message: `Published version ${published.number}.`, secret: published.url, values: {} };
  } catch (err) {
    return formError(err, values);
  }
}

export async function retractAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  try {
    const input = retractInput.parse({ reason: values.reason });
    const retracted = await retractArticle(await getActor(), idSchema.parse(values.articleId), input);
    revalidatePath(`/articles/${values.articleId}/publish`);
    return {
      status: 'ok',
      message: 'The fact-check is retracted; its page now shows the notice.',
      secret: retracted.url,
      values: {},
    };
  } catch (err) {
    return formError(err, values);
  }
}
