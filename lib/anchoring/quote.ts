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
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds `quote.exact` in `text`. Several occurrences are told apart by how much of the prefix and
 * suffix they match; when the best two score the same the quote is ambiguous, never guessed.
 */
export function findQuote(text: string, quote: Partial<TextQuote> & { exact: string }): QuoteMatch {
  if (quote.exact.length === 0) return { kind: 'not-found' };
  const starts: number[] = [];
  for (let i = text.indexOf(quote.exact); i !== -1; i = text.indexOf(quote.exact, i + 1)) starts.push(i);
  if (starts.length === 0) return { kind: 'not-found' };
  const scored = starts
    .map((start) => {
      const end = start + quote.exact.length;
      const score =
        commonSuffixLength(text.slice(Math.max(0, start - CONTEXT_LENGTH * 4), start), quote.prefix ?? '') +
        commonPrefixLength(text.slice(end, end + CONTEXT_LENGTH * 4), quote.suffix ?? '');
      return { start, end, score };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return { kind: 'not-found' };
  if (second && second.score === best.score) return { kind: 'ambiguous', count: starts.length };
  return { kind: 'found', position: { start: best.start, end: best.end } };
}
