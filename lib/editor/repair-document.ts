import { type Node as PMNode, type Mark, type Schema } from '@tiptap/pm/model';
import { figureProblem } from './figure';
import { editorSchema, isCell, isSoundCell, MAX_DOCUMENT_DEPTH, parseDocument } from './schema';

/*
 * A live document is edited by many hands at once, and Yjs merges their changes without the schema: two editors'
 * concurrent changes, or one hostile client, can leave an element whose content the schema does not allow (an empty
 * blockquote, a list item without a paragraph). The browser's binding drops such an element when it renders it; the
 * server must not fail every save and load of the article over one. So the live text is repaired the way ProseMirror
 * fills content: what a node lacks is filled in, what it cannot hold is dropped, the rest is kept.
 */

type Json = { type?: unknown; text?: unknown; attrs?: unknown; marks?: unknown; content?: unknown };

function marksOf(schema: Schema, json: Json): Mark[] {
  if (!Array.isArray(json.marks)) return [];
  return json.marks.flatMap((m) => {
    try {
      return [schema.markFromJSON(m)];
    } catch {
      return [];
    }
  });
}

/** How many levels of content `node` holds below itself (0 for a leaf or an empty node); iterative. */
function heightOf(node: PMNode): number {
  let height = 0;
  const stack: [PMNode, number][] = [[node, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [at, level] = item;
    if (at.childCount === 0) continue;
    height = Math.max(height, level + 1);
    at.forEach((child) => stack.push([child, level + 1]));
  }
  return height;
}

/** The node `json` describes, with its content made to fit the schema, or null when nothing of it can be kept. */
function repairNode(schema: Schema, json: Json, depth: number): PMNode | null {
  const type = typeof json.type === 'string' ? schema.nodes[json.type] : undefined;
  if (!type) return null;
  const marks = marksOf(schema, json);
  if (type.isText) return typeof json.text === 'string' && json.text ? schema.text(json.text, marks) : null;
  // Deeper than a document may nest (parseDocument's limit): dropped, and not walked.
  if (depth >= MAX_DOCUMENT_DEPTH) return null;
  const given = (json.attrs ?? null) as Record<string, unknown> | null;
  // A cell keeps its spans and widths only when they are sound (else the defaults); an image must be one stored here.
  let probe: PMNode;
  try {
    probe = type.create(given);
  } catch {
    probe = type.create(null); // attributes the node cannot take: its defaults
  }
  if (type.name === 'figure' && figureProblem(probe)) return null;
  const attrs = isCell(probe) && !isSoundCell(probe) ? null : probe.attrs;
  const children = (Array.isArray(json.content) ? (json.content as Json[]) : []).flatMap((child) => {
    const node = repairNode(schema, child, depth + 1);
    return node ? [node] : [];
  });
  // The children the node can hold where they are, in order (those it cannot are dropped).
  const fitting = (): PMNode[] => {
    let match = type.contentMatch;
    return children.filter((child) => {
      const next = match.matchType(child.type);
      if (next) match = next;
      return next !== null;
    });
  };
  for (const attempt of [
    () => type.create(attrs, children, marks),
    () => type.createAndFill(attrs, children, marks),
    () => type.createAndFill(attrs, fitting(), marks),
    () => type.createAndFill(attrs, [], marks),
  ]) {
    try {
      const node = attempt();
      if (!node) continue;
      // What filling adds (a list's item and its paragraph) must not take the node past the depth a document may have.
      if (depth + heightOf(node) > MAX_DOCUMENT_DEPTH) continue;
      node.check();
      return node;
    } catch {
      // the next attempt keeps less
    }
  }
  return null;
}

/**
 * The editor JSON `json` as a document the schema accepts: itself when it already is one (checked by
 * parseDocument), else repaired (see above). `repaired` says which.
 */
export function repairDocument(json: unknown): { node: PMNode; repaired: boolean } {
  try {
    return { node: parseDocument(json), repaired: false };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  const schema = editorSchema();
  const node = repairNode(schema, (json ?? {}) as Json, 0) ?? schema.topNodeType.createAndFill();
  if (!node) throw new RangeError('The document could not be repaired.');
  return { node: parseDocument(node.toJSON()), repaired: true };
}
