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
  { kind: 'found'; position: TextPosition } | { kind: 'not-found' } | { kind: 'ambiguous'; count: number };

export const CONTEXT_LENGTH = 32;
/**
 * Occurrences compared by context one by one (about a microsecond each). Past this many, only an
 * occurrence whose nearest context is in the text verbatim can be told apart; otherwise it is ambiguous.
 */
export const MAX_CANDIDATES = 20_000;

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

/**
 * Where `pattern` occurs in `text` (overlaps included), by Knuth–Morris–Pratt: linear in both lengths
 * whatever the input (`String#indexOf` takes seconds on a 2 MB run of "a" and a long "a…ab…a" pattern).
 * Returns the total count and the first `keep` starts.
 */
function occurrences(text: string, pattern: string, keep: number): { count: number; starts: number[] } {
  const m = pattern.length;
  const fail = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    while (k > 0 && pattern.charCodeAt(k) !== c) k = fail[k - 1] ?? 0;
    if (pattern.charCodeAt(k) === c) k++;
    fail[i] = k;
  }
  const starts: number[] = [];
  let count = 0;
  for (let i = 0, k = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    while (k > 0 && pattern.charCodeAt(k) !== c) k = fail[k - 1] ?? 0;
    if (pattern.charCodeAt(k) === c) k++;
    if (k === m) {
      if (count++ < keep) starts.push(i - m + 1);
      k = fail[k - 1] ?? 0;
    }
  }
  return { count, starts };
}

/**
 * Edit distance to one context of at most 32 characters, bit-parallel (Myers 1999, as in
 * fastest-levenshtein): the context's character masks are built once, then each window costs one
 * pass of a few word operations per character.
 */
class ContextDistance {
  private readonly masks = new Int32Array(0x10000);
  private readonly last: number;

  constructor(readonly context: string) {
    for (let i = 0; i < context.length; i++) {
      const c = context.charCodeAt(i);
      this.masks[c] = (this.masks[c] ?? 0) | (1 << i);
    }
    this.last = 1 << (context.length - 1);
  }

  to(window: string): number {
    let pv = -1;
    let mv = 0;
    let score = this.context.length;
    for (let i = 0; i < window.length; i++) {
      let eq = this.masks[window.charCodeAt(i)] ?? 0;
      const xv = eq | mv;
      eq |= ((eq & pv) + pv) ^ pv;
      mv |= ~(eq | pv);
      pv &= eq;
      if (mv & this.last) score++;
      if (pv & this.last) score--;
      mv = (mv << 1) | 1;
      pv = (pv << 1) | ~(xv | mv);
      mv &= xv;
    }
    return score;
  }

  /** 1 = same, 0 = nothing alike; no context scores 0 for every candidate. */
  score(window: string): number {
    if (!this.context) return 0;
    return 1 - Math.min(1, this.to(window) / this.context.length);
  }
}

/**
 * Finds `quote.exact` in `text`. Several occurrences are told apart by how closely the 32 characters
 * around each match the nearest 32 of the prefix and suffix (edit distance, so a changed word or a
 * missing space still decides); when the best two score the same the quote is ambiguous, never guessed.
 * Cost is linear in the text and bounded per occurrence, whatever the input: at most 2 MB of text,
 * 5,000 characters of quote and `MAX_CANDIDATES` occurrences compared.
 */
export function findQuote(text: string, quote: Partial<TextQuote> & { exact: string }): QuoteMatch {
  const { exact } = quote;
  if (exact.length === 0) return { kind: 'not-found' };
  const { count, starts } = occurrences(text, exact, MAX_CANDIDATES);
  if (count === 0) return { kind: 'not-found' };
  if (count === 1 && starts[0] !== undefined)
    return { kind: 'found', position: { start: starts[0], end: starts[0] + exact.length } };
  const prefix = (quote.prefix ?? '').slice(-CONTEXT_LENGTH);
  const suffix = (quote.suffix ?? '').slice(0, CONTEXT_LENGTH);
  if (count > MAX_CANDIDATES) {
    // Too many to compare: an occurrence stands out only with its nearest context verbatim around it.
    if (!prefix && !suffix) return { kind: 'ambiguous', count };
    const verbatim = occurrences(text, prefix + exact + suffix, 1);
    const start = verbatim.starts[0];
    if (verbatim.count !== 1 || start === undefined) return { kind: 'ambiguous', count };
    return { kind: 'found', position: { start: start + prefix.length, end: start + prefix.length + exact.length } };
  }
  const before = new ContextDistance(prefix);
  const after = new ContextDistance(suffix);
  // Context is compared with a window of the same length (plus slack for a space or a slip) around each match.
  let best = { start: -1, score: -1 };
  let isTied = false;
  for (const start of starts) {
    const end = start + exact.length;
    const head = text.slice(Math.max(0, start - prefix.length - 1), start);
    const tail = text.slice(end, end + suffix.length + 1);
    const score =
      Math.max(before.score(head), before.score(head.trimEnd())) +
      Math.max(after.score(tail), after.score(tail.trimStart()));
    if (score > best.score) {
      best = { start, score };
      isTied = false;
    } else if (score === best.score) {
      isTied = true;
    }
  }
  if (isTied) return { kind: 'ambiguous', count };
  return { kind: 'found', position: { start: best.start, end: best.start + exact.length } };
}
