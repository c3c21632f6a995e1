import type { JSONContent } from '@tiptap/core';
import { marked } from 'marked';
import { documentFromText } from '@/lib/editor/schema';
import type { OmittedItem } from '@/lib/validation/articles';
import { htmlToDocument } from './html-to-document';
import type { ImageOptions } from './image-candidates';

export type TextFormat = 'text' | 'markdown' | 'html';

/** Quote markers past this depth on one line are dropped: marked recurses once per level. */
const MAX_QUOTE_DEPTH = 20;
const deepQuotes = new RegExp(`^(?:[ \\t]{0,3}>){${MAX_QUOTE_DEPTH + 1},}`, 'gm');

/** An article body in one of the pasteable formats, as editor JSON (HTML and Markdown sanitized); left-out media goes to `omitted`. */
export function textToDocument(
  format: TextFormat,
  body: string,
  path = 'body',
  omitted: OmittedItem[] = [],
  images?: ImageOptions,
): JSONContent {
  if (format === 'text') return documentFromText(body);
  if (format === 'markdown') {
    const flattened = body.replace(deepQuotes, '>'.repeat(MAX_QUOTE_DEPTH));
    return htmlToDocument(marked.parse(flattened, { async: false, gfm: true }), path, omitted, images);
  }
  return htmlToDocument(body, path, omitted, images);
}
