'use client';

import { useActionState, useState, type FormEvent } from 'react';
import { importArticleAction, pasteArticleAction, uploadArticleAction } from '@/lib/actions/articles';
import { Field, FieldShell, TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { ImportNotice } from './import-notice';
import type { FormState } from '@/lib/validation/form-state';
import { Button } from '@/components/ui/button';

const initial: FormState = { status: 'idle' };
// The server refuses larger files too (lib/validation/articles.ts); checking here spares sending them.
const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const TOO_LARGE = 'The file is larger than 8 MB. Split the article into parts.';

export function PasteForm() {
  const [state, action, pending] = useActionState(pasteArticleAction, initial);
  return (
    <form action={action} className="form" noValidate aria-labelledby="paste-heading">
      <FormMessage status={state.status} message={state.message} />
      <ImportNotice imported={state.imported} />
      <Field
        label="Title (optional)"
        name="title"
        id="paste-title"
        defaultValue={state.values?.title}
        error={state.fieldErrors?.title}
      />
      <FieldShell id="paste-format" label="Format">
        {(control) => (
          <select name="format" defaultValue={state.values?.format ?? 'text'} {...control}>
            <option value="text">Plain text</option>
            <option value="markdown">Markdown</option>
            <option value="html">HTML</option>
          </select>
        )}
      </FieldShell>
      <TextAreaField
        label="Article text"
        name="body"
        id="paste-body"
        rows={12}
        defaultValue={state.values?.body}
        error={state.fieldErrors?.body}
      />
      <Button type="submit" disabled={pending}>
        Create article
      </Button>
    </form>
  );
}

export function UploadForm() {
  const [state, action, pending] = useActionState(uploadArticleAction, initial);
  const [sizeError, setSizeError] = useState<string | null>(null);
  const error = sizeError ?? state.fieldErrors?.file;
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get('file');
    const tooLarge = file instanceof File && file.size > MAX_UPLOAD_BYTES;
    setSizeError(tooLarge ? TOO_LARGE : null);
    if (tooLarge) event.preventDefault();
  };
  return (
    <form action={action} onSubmit={checkSize} className="form" noValidate aria-labelledby="upload-heading">
      <FormMessage
        status={sizeError ? 'error' : state.status}
        message={sizeError ? 'Please correct the marked fields.' : state.message}
      />
      {!sizeError && <ImportNotice imported={state.imported} />}
      <FieldShell
        id="upload-file"
        label="File (.txt, .md, .html or .docx)"
        hint="At most 8 MB, and 2 MB of text."
        error={error}
      >
        {(control) => <input name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.docx" {...control} />}
      </FieldShell>
      <Field
        label="Title (optional)"
        name="title"
        id="upload-title"
        defaultValue={state.values?.title}
        error={state.fieldErrors?.title}
      />
      <Button type="submit" disabled={pending}>
        Upload article
      </Button>
    </form>
  );
}

export function ImportForm() {
  const [state, action, pending] = useActionState(importArticleAction, initial);
  return (
    <form action={action} className="form" noValidate aria-labelledby="import-heading">
      <FormMessage status={state.status} message={state.message} />
      <ImportNotice imported={state.imported} />
      <Field
        label="Web address of the article"
        name="url"
        type="url"
        id="import-url"
        placeholder="https://"
        defaultValue={state.values?.url}
        error={state.fieldErrors?.url}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Importing…' : 'Import article'}
      </Button>
    </form>
  );
}
