// ts_headline marks matches with these control characters (stripped from the text first), so the
// snippet goes out as plain text with offsets, never as HTML someone could have written into it.
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface MarkedText {
  text: string;
  highlights: { start: number; end: number }[];
}

/** Plain text and the [start, end) offsets of the marked words in it. */
export function splitMarks(marked: string): MarkedText {
  let text = '';
  const highlights: MarkedText['highlights'] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_START) open = text.length;
    else if (ch === MARK_END) {
      if (open >= 0 && text.length > open) highlights.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, highlights };
}
