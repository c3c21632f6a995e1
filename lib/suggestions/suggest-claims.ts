import type { TextPosition } from '@/lib/anchoring/quote';
import { timeSlicer } from '@/lib/scheduling/yield-to-loop';
import { countCues, scoreCheckWorthiness } from './check-worthiness';
import { sentencesOf, splitClauses } from './segment';

export interface Suggestion {
  position: TextPosition;
  score: number;
  reasons: string[];
}

/** Suggestions scoring below this are not offered. */
export const MIN_SUGGESTION_SCORE = 0.4;
/** Sentences read in one article (a 2 MB article has about 15,000); past it the rest is not suggested from. */
export const MAX_SENTENCES_READ = 20_000;
/** Sentences tagged by compromise, the cheap cue count choosing which: bounds the work to a few seconds whatever the size. */
export const MAX_SENTENCES_SCORED = 400;
/** A longer sentence or clause is no claim to suggest (and would cost one long tagging step). */
export const MAX_SUGGESTION_CHARS = 600;
const MIN_WORDS = 4;
/** Work between two yields to the event loop. */
const SLICE_MS = 10;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

const isSuggestible = (text: string, span: TextPosition) =>
  span.end - span.start <= MAX_SUGGESTION_CHARS && wordCount(text.slice(span.start, span.end)) >= MIN_WORDS;

const scoreSpan = (text: string, position: TextPosition): Suggestion => ({
  position,
  ...scoreCheckWorthiness(text.slice(position.start, position.end)),
});

/**
 * The sentence, or its best clause when that clause keeps nine tenths of the sentence's score (a tighter quote).
 * Each span is tagged on its own turn of the event loop: a long sentence's clauses are several taggings.
 */
async function bestSpan(text: string, sentence: TextPosition, pause: () => Promise<void>): Promise<Suggestion | null> {
  const whole = isSuggestible(text, sentence) ? scoreSpan(text, sentence) : null;
  const clauses = splitClauses(text, sentence);
  if (clauses.length < 2) return whole;
  let best: Suggestion | null = null;
  for (const clause of clauses) {
    if (!isSuggestible(text, clause)) continue;
    await pause();
    const scored = scoreSpan(text, clause);
    if (!best || scored.score > best.score) best = scored;
  }
  if (!whole) return best;
  return best && best.score >= whole.score * 0.9 ? best : whole;
}

/**
 * Check-worthy sentences and clauses of an article's plain text, best first, positions in the text's
 * offsets (as claims' TextPosition selectors). The work is bounded (sentences read and scored, their
 * length) and yields to the event loop every 10 ms, so a 2 MB article never holds the server's thread.
 */
export async function suggestClaims(text: string, options: { sliceMs?: number } = {}): Promise<Suggestion[]> {
  const pause = timeSlicer(options.sliceMs ?? SLICE_MS);
  // Each sentence's cue count (regular expressions only) chooses which of a long article's sentences are tagged.
  const counted: { sentence: TextPosition; cues: number }[] = [];
  for (const sentence of sentencesOf(text)) {
    if (counted.length >= MAX_SENTENCES_READ) break;
    const words = text.slice(sentence.start, Math.min(sentence.end, sentence.start + MAX_SUGGESTION_CHARS * 4));
    counted.push({ sentence, cues: countCues(words) });
    await pause();
  }
  const candidates =
    counted.length <= MAX_SENTENCES_SCORED
      ? counted.map((c) => c.sentence)
      : counted
          .sort((a, b) => b.cues - a.cues || a.sentence.start - b.sentence.start)
          .slice(0, MAX_SENTENCES_SCORED)
          .map((c) => c.sentence)
          .sort((a, b) => a.start - b.start);
  await pause();
  const suggestions: Suggestion[] = [];
  for (const sentence of candidates) {
    const best = await bestSpan(text, sentence, pause);
    if (best && best.score >= MIN_SUGGESTION_SCORE) suggestions.push(best);
    await pause();
  }
  return suggestions.sort((a, b) => b.score - a.score || a.position.start - b.position.start);
}
