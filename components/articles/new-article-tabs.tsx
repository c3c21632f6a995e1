'use client';

import { useSearchParams } from 'next/navigation';
import { Tabs } from '@/components/ui/tabs';
import { ImportForm, PasteForm, UploadForm } from './new-article-forms';
import { parseNewArticleSource } from './new-article-source';

/** One tab per way to add an article; the chosen one is `?from=` in the address, so a link can open it. */
export function NewArticleTabs() {
  const searchParams = useSearchParams();
  const chosen = parseNewArticleSource(searchParams.get('from'));
  const choose = (from: string) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set('from', from);
    // Next's router follows replaceState (useSearchParams updates) without fetching the page again.
    window.history.replaceState(null, '', `?${params.toString()}`);
  };
  return (
    <Tabs
      label="How to add the article"
      value={chosen}
      onValueChange={choose}
      keepMounted
      items={[
        {
          value: 'paste',
          label: 'Paste',
          href: '?from=paste',
          content: (
            <>
              <h2 id="paste-heading" className="visually-hidden">
                Paste
              </h2>
              <PasteForm />
            </>
          ),
        },
        {
          value: 'upload',
          label: 'Upload a file',
          href: '?from=upload',
          content: (
            <>
              <h2 id="upload-heading" className="visually-hidden">
                Upload a file
              </h2>
              <UploadForm />
            </>
          ),
        },
        {
          value: 'url',
          label: 'Import from a URL',
          href: '?from=url',
          content: (
            <>
              <h2 id="import-heading" className="visually-hidden">
                Import from a URL
              </h2>
              <ImportForm />
            </>
          ),
        },
      ]}
    />
  );
}
