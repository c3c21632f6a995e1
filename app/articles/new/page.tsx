import type { Metadata } from 'next';
import { ImportForm, PasteForm, UploadForm } from '@/components/articles/new-article-forms';
import { requirePageActor } from '@/lib/data/sessions/get-actor';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await requirePageActor('/articles/new', 'editArticles');
  return (
    <>
      <h1>New article</h1>
      <p className="lead">
        Paste it, upload a file, or import it from the web. Everything is cleaned to plain article formatting.
      </p>
      <div className="new-article-grid">
        <section aria-labelledby="paste-heading">
          <h2 id="paste-heading">Paste</h2>
          <PasteForm />
        </section>
        <section aria-labelledby="upload-heading">
          <h2 id="upload-heading">Upload a file</h2>
          <UploadForm />
          <h2 id="import-heading">Import from a URL</h2>
          <ImportForm />
        </section>
      </div>
    </>
  );
}
