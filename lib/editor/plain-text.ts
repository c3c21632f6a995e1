import type { Node as PMNode } from '@tiptap/pm/model';

interface Segment {
  /** Offset of the segment's first character in the plain text. */
  offset: number;
  /** ProseMirror position of that character. */
  pos: number;
  length: number;
}

export interface PlainText {
  text: string;
  /**
   * ProseMirror position of a plain-text offset. At a block boundary a range's `start` belongs to the
   * next block and its `end` to the previous one.
   */
  toPos: (offset: number, side: 'start' | 'end') => number;
  /** Plain-text offset of a ProseMirror position inside text. */
  toOffset: (pos: number) => number;
}

/**
 * The article's plain text, the string W3C selectors count in: textblocks separated by one "\n",
 * a hard break as "\n". Also maps offsets in it to document positions and back.
 */
export function plainText(doc: PMNode): PlainText {
  let text = '';
  const segments: Segment[] = [];
  let isFirstBlock = true;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (!isFirstBlock) text += '\n';
      isFirstBlock = false;
      return true;
    }
    if (node.isText && node.text) {
      segments.push({ offset: text.length, pos, length: node.text.length });
      text += node.text;
    } else if (node.type.name === 'hardBreak') {
      segments.push({ offset: text.length, pos, length: 1 });
      text += '\n';
    }
    return true;
  });

  const toPos = (offset: number, side: 'start' | 'end'): number => {
    let best: Segment | undefined;
    for (const seg of segments) {
      const isPast = side === 'start' ? seg.offset > offset : seg.offset >= offset;
      if (isPast) break;
      best = seg;
    }
    if (!best) return segments[0]?.pos ?? 1;
    return best.pos + Math.min(offset - best.offset, best.length);
  };
  const toOffset = (pos: number): number => {
    let best: Segment | undefined;
    for (const seg of segments) {
      if (seg.pos > pos) break;
      best = seg;
    }
    if (!best) return 0;
    return best.offset + Math.min(pos - best.pos, best.length);
  };
  return { text, toPos, toOffset };
}
