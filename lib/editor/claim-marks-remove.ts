import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';

/**
 * Adds to `tr` the steps that remove every claim mark with `claimId`, leaving the words and other claims as they
 * are: the one rule the server (removeClaimMark) and the browser editor (on its transaction) both apply.
 */
export function removeClaimMarkSteps<T extends Transform>(tr: T, claimId: string): T {
  const doc = tr.doc;
  const type = doc.type.schema.marks.claim;
  if (!type) return tr;
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (mark.type === type && mark.attrs.id === claimId) tr.removeMark(pos, pos + node.nodeSize, mark);
    }
  });
  return tr;
}

/** Removes every claim mark with `claimId`, leaving the words and other claims as they are. */
export function removeClaimMark(doc: PMNode, claimId: string): PMNode {
  return removeClaimMarkSteps(new Transform(doc), claimId).doc;
}
