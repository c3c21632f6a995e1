import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as PMNode, type Schema } from '@tiptap/pm/model';
import { editorExtensions } from './extensions';
import { Transform } from '@tiptap/pm/transform';
import { figureProblem } from './figure';
import { isSafeUrl } from './safe-url';

let schema: Schema | undefined;

/** The ProseMirror schema of the editor, built once from the shared extension list. */
export function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions);
  return schema;
}

/** Nodes inside nodes deeper than this are refused: ProseMirror's parsing, checking and rendering all recurse. */
export const MAX_DOCUMENT_DEPTH = 30;

/** Throws a RangeError when nodes nest deeper than MAX_DOCUMENT_DEPTH; iterative, so any depth is safe to check. */
function checkNesting(json: unknown): void {
  const stack: [unknown, number][] = [[json, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    const content = (node as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) continue;
    if (depth >= MAX_DOCUMENT_DEPTH) throw new RangeError(`Nodes are nested deeper than ${MAX_DOCUMENT_DEPTH} levels.`);
    for (const child of content) stack.push([child, depth + 1]);
  }
}

/** A cell spans at most this many columns or rows: renderers loop over spans, so a span of 10⁹ would hang them. */
export const MAX_CELL_SPAN = 100;
const isSpan = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_CELL_SPAN;
const isColwidth = (value: unknown) =>
  value === null ||
  (Array.isArray(value) &&
    value.length <= MAX_CELL_SPAN &&
    value.every((w) => Number.isInteger(w) && w >= 0 && w <= 10_000));

export const isCell = (node: PMNode) =>
  node.type.spec.tableRole === 'cell' || node.type.spec.tableRole === 'header_cell';

/** Whether a table cell's span and column widths are small whole numbers. */
export function isSoundCell(node: PMNode): boolean {
  const { colspan, rowspan, colwidth } = node.attrs as { colspan: unknown; rowspan: unknown; colwidth: unknown };
  return isSpan(colspan) && isSpan(rowspan) && isColwidth(colwidth);
}

const unsafeLink = (mark: { type: { name: string }; attrs: Record<string, unknown> }) =>
  mark.type.name === 'link' && !isSafeUrl(String(mark.attrs.href ?? ''));

/** Parses and checks editor JSON against the schema; throws on anything the editor could not hold. */
export function parseDocument(
  json: unknown,
  options: { unsafeLinks: 'refuse' | 'drop' } = { unsafeLinks: 'drop' },
): PMNode {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'doc') {
    throw new RangeError('A document must be an object of type "doc".');
  }
  checkNesting(json);
  const doc = PMNode.fromJSON(editorSchema(), json);
  doc.check();
  return checkNodes(doc, options.unsafeLinks);
}

/**
 * One walk over the document's nodes: a RangeError for a table cell whose span or column widths are not small whole
 * numbers, then for a figure that cannot be stored, then for a link to anything but an absolute http(s) address when
 * `unsafeLinks` is 'refuse' (a document sent to be stored). With 'drop' (a document as stored or edited live) such
 * links are taken out, their text kept, so that one of them (never made by the editor) cannot stop the document
 * from loading or saving.
 */
function checkNodes(doc: PMNode, unsafeLinks: 'refuse' | 'drop'): PMNode {
  let badCell = false;
  let figure: string | null = null;
  let badLink: { href: unknown } | undefined;
  let tr: Transform | undefined;
  doc.descendants((node, pos) => {
    if (isCell(node) && !isSoundCell(node)) badCell = true;
    if (node.type.name === 'figure') figure ??= figureProblem(node);
    for (const mark of node.marks) {
      if (!unsafeLink(mark)) continue;
      if (unsafeLinks === 'refuse') badLink ??= { href: mark.attrs.href };
      else (tr ??= new Transform(doc)).removeMark(pos, pos + node.nodeSize, mark);
    }
  });
  if (badCell) throw new RangeError(`A table cell spans 1 to ${MAX_CELL_SPAN} columns and rows.`);
  if (figure) throw new RangeError(figure);
  if (badLink)
    throw new RangeError(`A link must be an absolute http(s) address, not "${String(badLink.href).slice(0, 80)}".`);
  return tr?.docChanged ? tr.doc : doc;
}

/** A document of paragraphs, one per non-empty line of `text`. */
export function documentFromText(text: string): JSONContent {
  const paragraphs = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { type: 'doc', content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }] };
}
