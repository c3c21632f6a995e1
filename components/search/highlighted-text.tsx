import type { ReactNode } from 'react';

/** Text with its matching words in <mark>, built from offsets: whatever the text holds stays text. */
export function HighlightedText({
  text,
  highlights,
}: {
  text: string;
  highlights: readonly { start: number; end: number }[];
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, h] of [...highlights].sort((a, b) => a.start - b.start).entries()) {
    if (h.start < at || h.end > text.length) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(<mark key={i}>{text.slice(h.start, h.end)}</mark>);
    at = h.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
