/** A W3C TextQuoteSelector's fields. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A W3C TextPositionSelector's fields: `end` is exclusive. */
export interface TextPosition {
  start: number;
  end: number;
}

export type QuoteMatch =
  | { kind: 'found'; position: TextPosition }
  | { kind: 'not-found' }
  | { kind: 'ambiguous'; count: number };

export const CONTEXT_LENGTH = 32;

/** The quote selector of `text[start, end)` with up to 32 characters of context either side. */
export function quoteAt(text: string, { start, end }: TextPosition): TextQuote {
  // The context stops at whole characters: half of an emoji is text PostgreSQL's jsonb refuses.
  const from = Math.max(0, start - CONTEXT_LENGTH);
  const to = end + CONTEXT_LENGTH;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(isLowSurrogate(text.charCodeAt(from)) ? from + 1 : from, start),
    suffix: text.slice(end, isLowSurrogate(text.charCodeAt(to)) ? to - 1 : to),
  };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** How well `context` matches `text` (1 = same, 0 = nothing alike); no context scores 0 for every candidate. */
function contextScore(context: string, text: string): number {
  if (!context) return 0;
  return 1 - Math.min(1, editDistance(context, text) / context.length);
}

/**
 * Finds `quote.exact` in `text`. Several occurrences are told apart by how closely the text around
 * each matches the prefix and suffix (edit distance, so a changed word or a missing space still
 * decides); when the best two score the same the quote is ambiguous, never guessed.
 */
export function findQuote(text: string, quote: Partial<TextQuote> & { exact: string }): QuoteMatch {
  if (quote.exact.length === 0) return { kind: 'not-found' };
  const starts: number[] = [];
  for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) starts.push(i);
  if (starts.length === 0) return { kind: 'not-found' };
  // Context is compared with a window of the same length (plus slack for a space or a slip) around each match.
  const scored = starts
    .map((start) => {
      const end = start + quote.exact.length;
      const prefix = quote.prefix ?? '';
      const suffix = quote.suffix ?? '';
      const before = text.slice(Math.max(0, start - prefix.length - 1), start);
      const after = text.slice(end, end + suffix.length + 1);
      const score = Math.max(contextScore(prefix, before), contextScore(prefix, before.trimEnd())) + Math.max(contextScore(suffix, after), contextScore(suffix, after.trimStart()));
      return { start, end, score };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return { kind: 'not-found' };
  if (second && second.score === best.score) return { kind: 'ambiguous', count: starts.length };
  return { kind: 'found', position: { start: best.start, end: best.end } };
}
