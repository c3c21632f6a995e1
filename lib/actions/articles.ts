'use server';

import { redirect } from 'next/navigation';
import { formError, formValues, notAForm, readForm, type FormState } from '@/lib/api/form-result';
import { getActor } from '@/lib/data/sessions/get-actor';
import { createArticle } from '@/lib/data/articles/create-article';
import { omittedSummary } from '@/lib/importing/omitted-content';
import {
  createArticleFromText,
  createArticleFromUrl,
  optionalTitleInput,
  type CreatedArticleDto,
} from '@/lib/validation/articles';

/** Opens the new article, unless its import left media out: then the form says what, with a link to it. */
function afterImport(created: CreatedArticleDto): FormState {
  if (created.omitted.length === 0) redirect(`/articles/${created.id}`);
  return {
    status: 'ok',
    message: `The article was created without ${omittedSummary(created.omitted)}: Factmark keeps only PNG, JPEG, GIF and WebP images of up to 5 MB that it can fetch from a public address (20 per import), and no video, audio or embedded content.`,
    imported: { articleId: created.id, title: created.title, omitted: created.omitted },
  };
}

const optionalTitle = (form: FormData) => {
  const title = String(form.get('title') ?? '').trim();
  return title === '' ? undefined : title;
};

export async function pasteArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  let created: CreatedArticleDto;
  try {
    const input = createArticleFromText.parse({
      format: values.format,
      body: values.body ?? '',
      title: optionalTitle(form),
    });
    created = await createArticle(await getActor(), input);
  } catch (err) {
    return formError(err, values);
  }
  return afterImport(created);
}

export async function uploadArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  let created: CreatedArticleDto;
  try {
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      return { status: 'error', message: 'Choose a file to upload.', fieldErrors: { file: 'Choose a file.' }, values };
    const { title } = optionalTitleInput.parse({ title: optionalTitle(form) });
    created = await createArticle(await getActor(), {
      file: { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) },
      title,
    });
  } catch (err) {
    return formError(err, values);
  }
  return afterImport(created);
}

export async function importArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!readForm(form)) return notAForm;
  const values = formValues(form);
  let created: CreatedArticleDto;
  try {
    const input = createArticleFromUrl.parse({ url: String(values.url ?? '').trim(), title: optionalTitle(form) });
    created = await createArticle(await getActor(), input);
  } catch (err) {
    return formError(err, values);
  }
  return afterImport(created);
}
