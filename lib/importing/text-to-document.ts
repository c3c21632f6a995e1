import type { JSONContent } from '@tiptap/core';
import { marked } from 'marked';
import { documentFromText } from '@/lib/editor/schema';
import { htmlToDocument } from './html-to-document';

export type TextFormat = 'text' | 'markdown' | 'html';

/** An article body in one of the pasteable formats, as editor JSON (HTML and Markdown sanitized). */
export function textToDocument(format: TextFormat, body: string): JSONContent {
  if (format === 'text') return documentFromText(body);
  if (format === 'markdown') return htmlToDocument(marked.parse(body, { async: false, gfm: true }));
  return htmlToDocument(body);
}
