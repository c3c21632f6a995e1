import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { TextPosition } from '@/lib/anchoring/quote';
import { plainText } from './plain-text';
import { editorSchema } from './schema';

/** Adds a claim mark with `claimId` over the plain-text range `position`. */
export function addClaimMark(doc: PMNode, position: TextPosition, claimId: string): PMNode {
  const text = plainText(doc);
  const from = text.toPos(position.start, 'start');
  const to = text.toPos(position.end, 'end');
  const mark = editorSchema().marks.claim?.create({ id: claimId });
  if (!mark || from >= to) throw new RangeError('Cannot mark an empty range.');
  return new Transform(doc).addMark(from, to, mark).doc;
}

/** The plain-text range each claim mark covers, from its first to its last marked character. */
export function claimRanges(doc: PMNode): Map<string, TextPosition> {
  const text = plainText(doc);
  const ranges = new Map<string, TextPosition>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const id: unknown = mark.attrs.id;
      if (mark.type.name !== 'claim' || typeof id !== 'string') continue;
      const start = text.toOffset(pos);
      const end = text.toOffset(pos + node.nodeSize);
      const known = ranges.get(id);
      ranges.set(id, known ? { start: Math.min(known.start, start), end: Math.max(known.end, end) } : { start, end });
    }
    return true;
  });
  return ranges;
}
