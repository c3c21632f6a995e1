'use server';

import { revalidatePath } from 'next/cache';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
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
    const published = await publishArticle(actor, articleId, input, {
      fingerprint: values.plan ?? '',
      withdrawals: (values.withdraws ?? '').split(',').filter(Boolean),
    });
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
