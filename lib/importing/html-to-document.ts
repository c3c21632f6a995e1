import type { JSONContent } from '@tiptap/core';
import { DOMParser as PMDOMParser } from '@tiptap/pm/model';
import createDOMPurify from 'dompurify';
import { editorSchema, MAX_CELL_SPAN } from '@/lib/editor/schema';
import { AppError } from '@/lib/errors';
import type { OmittedItem } from '@/lib/validation/articles';
import { imageFigure, type ImageOptions } from './image-candidates';
import { MAX_OMITTED, omittedItem } from './omitted-content';
import { parseHtmlFragment } from './parse-fragment';
import { quietDom } from './quiet-dom';

// Only what the editor's schema can hold; everything else is unwrapped to its text or dropped.
const ALLOWED_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'div',
  'span',
  'section',
  'article',
  'main',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];
const FORBID_CONTENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'nav',
  'button',
  'select',
  'textarea',
];
const HEADING_LEVEL: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' };
const allowed = new Set(ALLOWED_TAGS);
const dropped = new Set(FORBID_CONTENTS);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** More elements than a long feature has by two orders of magnitude; past it the paste is refused as too complex. */
export const MAX_ELEMENTS = 60_000;
/** Elements nested deeper than this are unwrapped to their text: with the document and its text the result stays within the schema's MAX_DOCUMENT_DEPTH (30). */
export const MAX_DEPTH = 20;

const tooComplex = (path: string) =>
  new AppError(
    'UNPROCESSABLE',
    `The text has more than ${MAX_ELEMENTS.toLocaleString('en')} HTML elements. Split the article, or paste it as plain text.`,
    [{ path, message: 'Too many elements: split the article, or paste it as plain text.' }],
  );

/** Open elements deeper than this before parsing are refused: jsdom's parser costs O(depth) per inserted node. */
export const MAX_SOURCE_DEPTH = 256;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// Closed implicitly by their next sibling, so an unclosed run of them does not nest.
const SELF_CLOSING_SIBLINGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rp',
]);

/**
 * Counts start tags and estimates how deep elements nest, by scanning tags without parsing, so input
 * that would take the parser minutes (20,000 unclosed `<div>`s) is refused in linear time.
 */
function checkHtmlComplexity(html: string, path: string): void {
  const open = new Map<string, number>();
  let depth = 0;
  let elements = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const tag = match[2]!.toLowerCase();
    if (match[1]) {
      const count = open.get(tag) ?? 0;
      if (count > 0) {
        open.set(tag, count - 1);
        depth--;
      }
      continue;
    }
    if (++elements > MAX_ELEMENTS) throw tooComplex(path);
    if (VOID.has(tag) || SELF_CLOSING_SIBLINGS.has(tag) || match[3]) continue;
    open.set(tag, (open.get(tag) ?? 0) + 1);
    if (++depth > MAX_SOURCE_DEPTH) throw tooDeep(path);
  }
}

export const tooDeep = (path: string) =>
  new AppError(
    'UNPROCESSABLE',
    `The text nests elements more than ${MAX_SOURCE_DEPTH} deep. Close its elements, split the article, or paste it as plain text.`,
    [{ path, message: 'Nested too deeply: paste it as plain text, or split the article.' }],
  );

const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot', 'tr', 'th', 'td']);
/** The element a table part must be inside (rows in a table or its sections, cells in a row), else it is unwrapped. */
const PARENT_OF: Record<string, string[]> = {
  thead: ['TABLE'],
  tbody: ['TABLE'],
  tfoot: ['TABLE'],
  tr: ['TABLE', 'THEAD', 'TBODY', 'TFOOT'],
  th: ['TR'],
  td: ['TR'],
};
const fitsTable = (tag: string, target: Node) =>
  !TABLE_PARTS.has(tag) || (PARENT_OF[tag]?.includes(target.nodeName) ?? false);

/** colspan and rowspan, when whole numbers from 2 to MAX_CELL_SPAN; every other attribute of a cell is dropped. */
function copySpans(from: Element, to: Element): void {
  for (const name of ['colspan', 'rowspan']) {
    const value = Number(from.getAttribute(name)?.trim());
    if (Number.isInteger(value) && value > 1 && value <= MAX_CELL_SPAN) to.setAttribute(name, String(value));
  }
}

/**
 * Copies `source` into a new fragment keeping only allowed elements (with `href` alone, on links), dropping
 * forbidden subtrees and unwrapping the rest, iteratively and in linear time. DOMPurify's in-place removal
 * costs O(siblings) per removed element in jsdom (every insert and remove recomputes the child's index),
 * O(n²) for many removed siblings; appending to a fresh tree never does. DOMPurify still checks the result.
 */
function copyAllowed(
  source: Node,
  document: Document,
  path: string,
  omitted: OmittedItem[],
  images?: ImageOptions,
): DocumentFragment {
  const out = document.createDocumentFragment();
  const stack: { next: ChildNode | null; target: Node; depth: number }[] = [
    { next: source.firstChild, target: out, depth: 0 },
  ];
  let elements = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;
    if (node.nodeType === 3) {
      frame.target.appendChild(document.createTextNode((node as Text).data));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (++elements > MAX_ELEMENTS) throw tooComplex(path);
    const tag = element.localName;
    const figure =
      images && element.namespaceURI === HTML_NS ? imageFigure(element, document, images, omitted.length) : null;
    if (figure) {
      frame.target.appendChild(figure);
      continue;
    }
    const left = omitted.length < MAX_OMITTED ? omittedItem(element) : null;
    if (left) {
      omitted.push(left);
      // Its inner sources are the same item, and its fallback text ("your browser cannot play…") is not the article's.
      if (tag === 'picture' || tag === 'video' || tag === 'audio') continue;
    }
    if (element.namespaceURI !== HTML_NS || dropped.has(tag)) continue;
    if (tag === 'caption' && frame.target.nodeName === 'TABLE' && frame.target.parentNode && frame.depth < MAX_DEPTH) {
      // The schema's tables have no caption: it becomes the paragraph just before its table.
      const caption = document.createElement('p');
      frame.target.parentNode.insertBefore(caption, frame.target);
      stack.push({ next: element.firstChild, target: caption, depth: frame.depth });
      continue;
    }
    if (!allowed.has(tag) || frame.depth >= MAX_DEPTH || !fitsTable(tag, frame.target)) {
      // A cell past the depth limit keeps its words apart from the next cell's.
      if ((tag === 'td' || tag === 'th') && frame.target.textContent?.trim())
        frame.target.appendChild(document.createTextNode(' '));
      stack.push({ next: element.firstChild, target: frame.target, depth: frame.depth });
      continue;
    }
    const copy = document.createElement(HEADING_LEVEL[tag] ?? tag);
    const href = tag === 'a' ? element.getAttribute('href') : null;
    if (href !== null && /^https?:\/\//i.test(href.trim())) copy.setAttribute('href', href.trim());
    if (tag === 'td' || tag === 'th') copySpans(element, copy);
    frame.target.appendChild(copy);
    stack.push({ next: element.firstChild, target: copy, depth: frame.depth + 1 });
  }
  return out;
}

/**
 * Sanitizes HTML to the editor's elements (no scripts, event handlers, styles, frames, objects, or
 * links other than absolute http(s)) and parses it into the editor's schema, as ProseMirror JSON. Media
 * the schema cannot hold (images, video, frames…) is pushed to `omitted`, for the notice after an import.
 * With `images`, images with an http(s) address become figures pointing at new media ids, collected there
 * for the server to fetch and store (see import-images.ts).
 * Heavy for large inputs: the server runs it in the import worker (see import-pool.ts).
 */
export function htmlToDocument(
  html: string,
  path = 'body',
  omitted: OmittedItem[] = [],
  images?: ImageOptions,
): JSONContent {
  checkHtmlComplexity(html, path);
  const { window } = quietDom('<!doctype html><html><body></body></html>');
  try {
    const { document } = window;
    // Parsed as a template's content (inert: nothing loads or runs), without jsdom's O(n²) in sibling count.
    const parsed = parseHtmlFragment(html, document);
    const container = document.createElement('div');
    container.appendChild(copyAllowed(parsed, document, path, omitted, images));
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    const body = purify.sanitize(container.innerHTML, {
      // Figures, images and captions only as copyAllowed made them (imageFigure): a media address and alt text.
      ALLOWED_TAGS: [...ALLOWED_TAGS.filter((tag) => !(tag in HEADING_LEVEL)), 'figure', 'img', 'figcaption'],
      ALLOWED_ATTR: ['href', 'colspan', 'rowspan', 'src', 'alt'],
      // Spans are numbers, not addresses: exempt from ALLOWED_URI_REGEXP, which DOMPurify applies to every other attribute.
      ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
      ALLOWED_URI_REGEXP: /^(?:https?:\/\/|\/media\/[0-9a-f-]{36}$)/i,
      FORBID_CONTENTS,
      RETURN_DOM: true,
    });
    const doc = PMDOMParser.fromSchema(editorSchema()).parse(body as unknown as Node);
    doc.check();
    return doc.toJSON() as JSONContent;
  } finally {
    window.close();
  }
}
