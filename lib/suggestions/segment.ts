import type { TextPosition } from '@/lib/anchoring/quote';

/** Words that end with a full stop without ending the sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'gen',
  'gov',
  'sen',
  'rep',
  'col',
  'lt',
  'sgt',
  'capt',
  'rev',
  'hon',
  'pres',
  'no',
  'nos',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'est',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'fig',
  'vol',
  'al',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'a.m',
  'p.m',
]);

/** The span without white space at either end (empty when it holds none but spaces). */
function trimmed(text: string, start: number, end: number): TextPosition {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** True when the full stop at `dot` ends an abbreviation or an initial ("Mr.", "U.S.", "J."). */
function isAbbreviation(text: string, dot: number): boolean {
  let from = dot;
  while (from > 0 && /[\p{L}.]/u.test(text.charAt(from - 1))) from--;
  const word = text.slice(from, dot).toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/**
 * The sentences of plain text as offsets into it, one at a time (a caller may pause between them): a line is
 * never part of two sentences, and a sentence ends at ".", "!" or "?" (with closing quotes or brackets)
 * before white space and a capital, digit or opening quote, unless the full stop ends an abbreviation.
 */
export function* sentencesOf(text: string): Generator<TextPosition> {
  const boundary = /[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])|\n/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const at = match.index;
    if (match[0] !== '\n' && match[0] === '.' && isAbbreviation(text, at)) continue;
    const end = match[0] === '\n' ? at : at + match[0].length;
    const span = trimmed(text, start, end);
    start = end;
    if (span.end > span.start) yield span;
  }
  const last = trimmed(text, start, text.length);
  if (last.end > last.start) yield last;
}

/** The first `limit` sentences of `text` (see `sentencesOf`). */
export function splitSentences(text: string, limit = Number.POSITIVE_INFINITY): TextPosition[] {
  const spans: TextPosition[] = [];
  for (const span of sentencesOf(text)) {
    if (spans.length >= limit) break;
    spans.push(span);
  }
  return spans;
}

// A clause ends at a semicolon, a dash between words, or a comma before a contrasting or adding conjunction.
const CLAUSE_BREAK = /\s*;\s+|\s+[—–]\s+|,\s+(?=(?:but|while|whereas|although|though|yet|and|so)\s)/giu;

/** The clauses of one sentence (spans into `text`); a sentence without a break is its own one clause. */
export function splitClauses(text: string, sentence: TextPosition): TextPosition[] {
  const body = text.slice(sentence.start, sentence.end);
  const clauses: TextPosition[] = [];
  let from = 0;
  for (const match of body.matchAll(CLAUSE_BREAK)) {
    const span = trimmed(text, sentence.start + from, sentence.start + match.index);
    if (span.end > span.start) clauses.push(span);
    from = match.index + match[0].length;
  }
  const last = trimmed(text, sentence.start + from, sentence.end);
  if (last.end > last.start) clauses.push(last);
  return clauses;
}
