import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as PMNode, type Schema } from '@tiptap/pm/model';
import { editorExtensions } from './extensions';

let schema: Schema | undefined;

/** The ProseMirror schema of the editor, built once from the shared extension list. */
export function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions);
  return schema;
}

/** Parses and checks editor JSON against the schema; throws on anything the editor could not hold. */
export function parseDocument(json: unknown): PMNode {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'doc') {
    throw new RangeError('A document must be an object of type "doc".');
  }
  const doc = PMNode.fromJSON(editorSchema(), json);
  doc.check();
  return doc;
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
