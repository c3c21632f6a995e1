import type { JSONContent } from '@tiptap/core';
import { DOMParser as PMDOMParser } from '@tiptap/pm/model';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { editorSchema } from '@/lib/editor/schema';

// Only what the editor's schema can hold; everything else is unwrapped to its text or dropped.
const ALLOWED_TAGS = ['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'a', 'ul', 'ol', 'li', 'blockquote', 'hr', 'div', 'span', 'section', 'article', 'main'];
const HEADING_LEVEL: Record<string, string> = { H1: 'h2', H5: 'h4', H6: 'h4' };

/**
 * Sanitizes HTML to the editor's elements (no scripts, event handlers, styles, frames, objects, or
 * links other than absolute http(s)) and parses it into the editor's schema, as ProseMirror JSON.
 */
export function htmlToDocument(html: string): JSONContent {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  try {
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    const body = purify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR: ['href'],
      ALLOWED_URI_REGEXP: /^https?:\/\//i,
      FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'nav', 'button', 'select', 'textarea'],
      RETURN_DOM: true,
    });
    for (const el of Array.from(body.querySelectorAll('h1, h5, h6'))) {
      const replacement = window.document.createElement(HEADING_LEVEL[el.tagName] ?? 'h2');
      replacement.append(...Array.from(el.childNodes));
      el.replaceWith(replacement);
    }
    const doc = PMDOMParser.fromSchema(editorSchema()).parse(body as unknown as Node);
    doc.check();
    return doc.toJSON() as JSONContent;
  } finally {
    window.close();
  }
}
