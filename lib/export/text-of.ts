/** The text of rich-text JSON on one line: inline pieces (a bold run, a link) join as written, blocks with a space. */
export function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { type?: unknown; text?: unknown; content?: unknown };
  if (typeof n.text === 'string') return n.text;
  if (n.type === 'hardBreak') return ' ';
  if (!Array.isArray(n.content)) return '';
  const isInline = n.content.some((child: unknown) => typeof (child as { text?: unknown } | null)?.text === 'string');
  return n.content
    .map(textOf)
    .join(isInline ? '' : ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
