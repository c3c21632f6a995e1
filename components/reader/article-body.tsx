import type { JSONContent } from '@tiptap/core';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { ReactNode } from 'react';
import { editorExtensions } from '@/lib/editor/extensions';

export interface HighlightInfo {
  state: string;
  label: string;
}

/**
 * The article rendered on the server from its editor JSON with the editor's own schema; each claim
 * mark becomes a <mark data-claim-id> so the highlights are in the HTML without JavaScript.
 */
export function ArticleBody({
  content,
  highlights,
}: {
  content: JSONContent;
  highlights: ReadonlyMap<string, HighlightInfo>;
}): ReactNode {
  return renderToReactElement({
    content,
    extensions: editorExtensions,
    options: {
      markMapping: {
        claim: ({ mark, children }) => {
          const id = typeof mark.attrs.id === 'string' ? mark.attrs.id : '';
          const info = highlights.get(id);
          return (
            <mark className="claim" data-claim-id={id} data-state={info?.state} title={info?.label}>
              {children}
            </mark>
          );
        },
      },
    },
  });
}
