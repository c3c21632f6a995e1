// How alike two claims are, behind one interface: the lexical scorer here needs no model; a deployment
// with an embedding model can supply another `SimilarityScorer` and keep the rest (retrieval, API, UI).
import { timeSlicer } from '@/lib/scheduling/yield-to-loop';
import { normalizeClaimText, type NormalizedText } from './normalize';

/** Scoring between two yields to the event loop: a candidate of 2,000 characters takes 2–5 ms to normalise. */
const SLICE_MS = 10;

/** Where a claim comes from: this newsroom's own, or imported from another fact-checker's ClaimReview. */
export type ClaimOrigin = 'newsroom' | 'imported';

export interface SimilarityCandidate {
  id: string;
  /** The words the claim is matched on: its quote, the claim as stated and its short form. */
  text: string;
  origin: ClaimOrigin;
}

export interface ScoredCandidate {
  id: string;
  /** 0 (nothing in common) to 1 (the same claim however worded). */
  score: number;
}

export interface SimilarityScorer {
  readonly name: string;
  /** The normalised text the database indexes for candidate retrieval. */
  normalize(text: string): string;
  /** Scores and orders `candidates` against `query`, best first, at most `limit`, dropping those under the threshold. */
  rank(query: string, candidates: readonly SimilarityCandidate[], limit: number): Promise<ScoredCandidate[]>;
}

function trigrams(s: string): Set<string> {
  const padded = ` ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

const weightOf = (token: string): number => (/^\d/.test(token) ? 2 : 1);

/** Score of two normalised texts: weighted token overlap (Dice), character trigrams for misspellings, numbers must agree. */
export function scoreNormalized(a: NormalizedText, b: NormalizedText): number {
  if (a.tokens.length === 0 || b.tokens.length === 0) return 0;
  const setA = new Set(a.tokens);
  const setB = new Set(b.tokens);
  let shared = 0;
  let total = 0;
  for (const t of setA) {
    total += weightOf(t);
    if (setB.has(t)) shared += 2 * weightOf(t);
  }
  for (const t of setB) total += weightOf(t);
  const tokenDice = shared / total;
  const triA = trigrams(a.text);
  const triB = trigrams(b.text);
  let common = 0;
  for (const t of triA) if (triB.has(t)) common++;
  const trigramDice = (2 * common) / (triA.size + triB.size);
  let score = 0.7 * tokenDice + 0.3 * trigramDice;
  // "Unemployment rose to 5%" and "unemployment rose to 9%" are different claims.
  if (a.numbers.length > 0 && b.numbers.length > 0 && !a.numbers.some((n) => b.numbers.includes(n))) score *= 0.6;
  return Math.round(score * 1000) / 1000;
}

/** The model-free scorer: normalisation, stemming, synonyms, token and trigram overlap. */
export function createLexicalScorer(options: { threshold?: number } = {}): SimilarityScorer {
  const threshold = options.threshold ?? 0.2;
  return {
    name: 'lexical',
    normalize: (text) => normalizeClaimText(text).text,
    rank: async (query, candidates, limit) => {
      const pause = timeSlicer(SLICE_MS);
      const q = normalizeClaimText(query);
      const scored: ScoredCandidate[] = [];
      for (const c of candidates) {
        await pause();
        const score = scoreNormalized(q, normalizeClaimText(c.text));
        if (score >= threshold) scored.push({ id: c.id, score });
      }
      return scored.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).slice(0, limit);
    },
  };
}
