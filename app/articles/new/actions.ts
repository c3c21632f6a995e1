'use server';

import { redirect } from 'next/navigation';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/auth/session';
import { createArticle, createArticleFromFile } from '@/lib/data/create-article';
import { createArticleFromText, createArticleFromUrl, optionalTitleInput } from '@/lib/validation/articles';

const optionalTitle = (form: FormData) => {
  const title = String(form.get('title') ?? '').trim();
  return title === '' ? undefined : title;
};

export async function pasteArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  let id: string;
  try {
    const input = createArticleFromText.parse({ format: values.format, body: values.body ?? '', title: optionalTitle(form) });
    id = (await createArticle(await getActor(), input)).id;
  } catch (err) {
    return formError(err, values);
  }
  redirect(`/articles/${id}`);
}

export async function uploadArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  let id: string;
  try {
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return { status: 'error', message: 'Choose a file to upload.', fieldErrors: { file: 'Choose a file.' }, values };
    const { title } = optionalTitleInput.parse({ title: optionalTitle(form) });
    id = (await createArticleFromFile(await getActor(), { name: file.name, bytes: Buffer.from(await file.arrayBuffer()), title })).id;
  } catch (err) {
    return formError(err, values);
  }
  redirect(`/articles/${id}`);
}

export async function importArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  let id: string;
  try {
    const input = createArticleFromUrl.parse({ url: String(values.url ?? '').trim(), title: optionalTitle(form) });
    id = (await createArticle(await getActor(), input)).id;
  } catch (err) {
    return formError(err, values);
  }
  redirect(`/articles/${id}`);
}
