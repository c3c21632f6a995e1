// Claim text reduced to comparable tokens: accents, case, number words, units, synonyms, titles and
// inflection no longer tell two wordings of one claim apart.
import { multipliers, smallNumbers, stopwords, synonymGroups, titles } from './lexicon';
import { stem } from './stemmer';

const MAX_PHRASE = 3;

/** The text with accents and other combining marks taken off its letters ("Zürich" → "Zurich"); NFKD-normalized. */
export const withoutAccents = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

function rawTokens(text: string): string[] {
  const prepared = withoutAccents(text)
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/%/g, ' percent ')
    .replace(/\$/g, ' dollar ')
    .replace(/£/g, ' pound ')
    .replace(/€/g, ' euro ')
    .replace(/(\d)(bn|mn|mln|tn|m|b|k)\b/g, '$1 $2');
  return prepared.match(/\d+(?:\.\d+)?|[a-z]+/g) ?? [];
}

const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000));

/** Number words and digits with multipliers become one digit token: "twenty-eight" → 28, "2.5 million" → 2500000. */
function foldNumbers(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] ?? '';
    const next = tokens[i + 1] ?? '';
    if (/^\d/.test(t)) {
      let value = Number(t);
      let j = i + 1;
      while (j < tokens.length && multipliers[tokens[j] ?? ''] !== undefined)
        value *= multipliers[tokens[j++] ?? ''] ?? 1;
      out.push(formatNumber(value));
      i = j;
      continue;
    }
    const startsWords =
      smallNumbers[t] !== undefined ||
      ((t === 'a' || t === 'one') &&
        (next === 'hundred' || next === 'thousand' || next === 'million' || next === 'billion'));
    if (!startsWords) {
      out.push(t);
      i++;
      continue;
    }
    let total = 0;
    let current = 0;
    let j = i;
    while (j < tokens.length) {
      const w = tokens[j] ?? '';
      const small = smallNumbers[w];
      const mult = w.length > 1 && w !== 'mn' && w !== 'bn' && w !== 'tn' ? multipliers[w] : undefined;
      if (small !== undefined) current += small;
      else if (w === 'a' && j === i) current = 1;
      else if (mult === 100) current = (current || 1) * 100;
      else if (mult !== undefined) {
        total += (current || 1) * mult;
        current = 0;
      } else if (w === 'and' && j > i && smallNumbers[tokens[j + 1] ?? ''] !== undefined) {
        // "one hundred and five"
      } else break;
      j++;
    }
    out.push(formatNumber(total + current));
    i = j;
  }
  return out;
}

/** Phrase (space-joined tokens) → canonical token, built once from the synonym groups. */
const phrases = new Map<string, string>();
for (const [canonical, words] of Object.entries(synonymGroups)) {
  for (const w of words) {
    const key = foldNumbers(rawTokens(w)).join(' ');
    if (key && !phrases.has(key)) phrases.set(key, canonical);
  }
}

export interface NormalizedText {
  /** Canonical tokens in order: digits, synonym heads and Porter stems, without stop words or titles. */
  tokens: string[];
  /** The numbers the text states. */
  numbers: string[];
  /** The tokens joined by single spaces (what the database indexes for candidate retrieval). */
  text: string;
}

/** Normalises claim text for matching; pure and linear in the length of the text. */
export function normalizeClaimText(text: string): NormalizedText {
  const tokens = foldNumbers(rawTokens(text));
  const result: string[] = [];
  const numbers: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1; n--) {
      const canonical = phrases.get(tokens.slice(i, i + n).join(' '));
      if (canonical) {
        result.push(canonical);
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const t = tokens[i++] ?? '';
    if (/^\d/.test(t)) {
      result.push(t);
      numbers.push(t);
    } else if (t.length > 1 && !stopwords.has(t) && !titles.has(t)) {
      result.push(stem(t));
    }
  }
  return { tokens: result, numbers, text: result.join(' ') };
}
