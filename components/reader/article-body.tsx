import type { JSONContent } from '@tiptap/core';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { ReactNode } from 'react';
import { approvedFill, ratingColour } from '@/components/editor/highlight-styles';
import { editorExtensions } from '@/lib/editor/extensions';

export interface HighlightInfo {
  state: string;
  label: string;
  /** The claim the page is about (the address's `?claim=`): outlined in the text. */
  current?: boolean;
  /** The rating's colour (#rrggbb): an approved claim's highlight takes it, as in the editor. */
  colour?: string | null;
}

const ratingStyle = (info: HighlightInfo | undefined) => {
  const colour = info?.state === 'APPROVED' ? ratingColour(info.colour) : null;
  return colour ? { background: approvedFill(colour), borderBottomColor: colour } : undefined;
};

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
            <mark
              className="claim"
              data-claim-id={id}
              data-state={info?.state}
              data-current={info?.current ? '' : undefined}
              title={info?.label}
              style={ratingStyle(info)}
            >
              {children}
            </mark>
          );
        },
      },
    },
  });
}
