'use client';

import { OmittedList } from '@/components/articles/omitted-list';
import { Button } from '@/components/ui/button';
import { omittedSummary } from '@/lib/importing/omitted-content';
import type { OmittedItem } from '@/lib/validation/articles';

/** After a paste that came in without media: what was left out, why, and how to keep an image. Stays until dismissed. */
export function PasteNotice({ items, onDismiss }: { items: readonly OmittedItem[]; onDismiss: () => void }) {
  return (
    <div className="notice paste-notice" role="status">
      <p>
        The paste came in without {omittedSummary(items)}: the article keeps text, tables and the images Factmark stores
        itself. To keep a page&rsquo;s images, create the article from its web address (New article → From a web
        address): Factmark fetches and stores them.
      </p>
      <OmittedList items={items} />
      <Button variant="link" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
