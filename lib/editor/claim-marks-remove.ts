import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { editorSchema } from './schema';

/** Removes every claim mark with `claimId`, leaving the words and other claims as they are. */
export function removeClaimMark(doc: PMNode, claimId: string): PMNode {
  const type = editorSchema().marks.claim;
  if (!type) return doc;
  const tr = new Transform(doc);
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (mark.type === type && mark.attrs.id === claimId) tr.removeMark(pos, pos + node.nodeSize, mark);
    }
  });
  return tr.doc;
}
