import { describe, expect, it } from 'vitest';
import { MIN_SUGGESTION_SCORE, suggestClaims } from './suggest-claims';
import { scoreCheckWorthiness } from './check-worthiness';
import { splitSentences } from './segment';

describe('scoreCheckWorthiness', () => {
  it('scores a statistic with a superlative and an attribution above the threshold, with reasons in words', () => {
    const { score, reasons } = scoreCheckWorthiness(
      'Unemployment in Lyon rose by 28 percent last year, the highest rise since 2010, according to the mayor.',
    );
    expect(score).toBeGreaterThanOrEqual(0.8);
    expect(reasons).toEqual(
      expect.arrayContaining(['a percentage (28)', 'a superlative (highest)', 'attributed (according to)']),
    );
  });

  it('finds a causal claim, a prediction and the people and organisations named', () => {
    expect(scoreCheckWorthiness('Crime fell because the council hired more police officers.').reasons).toContain(
      'a cause or effect (because)',
    );
    const quote = scoreCheckWorthiness('"We will build 5,000 homes by 2030," said Anna Kowalski of Oxfam.');
    expect(quote.reasons).toEqual(expect.arrayContaining(['a quotation', 'a prediction (will)']));
    expect(quote.reasons.find((r) => r.startsWith('names'))).toMatch(/Anna Kowalski/);
  });

  it('leaves description, opinion and questions below the threshold', () => {
    for (const sentence of [
      'The sun was shining over the harbour as the crowd gathered.',
      'It was a lovely evening, and we should all be grateful.',
      'What happens to the town now?',
    ]) {
      expect(scoreCheckWorthiness(sentence).score, sentence).toBeLessThan(MIN_SUGGESTION_SCORE);
    }
  });
});

describe('splitSentences', () => {
  it('does not end a sentence at an abbreviation or an initial, and never crosses a line', () => {
    const text = 'Dr. Smith met J. Doe in the U.S. on Monday. Then they left\nA new paragraph starts here.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Dr. Smith met J. Doe in the U.S. on Monday.',
      'Then they left',
      'A new paragraph starts here.',
    ]);
  });
});

describe('suggestClaims', () => {
  it('returns the check-worthy sentences best first, at their offsets in the text', async () => {
    const text =
      'It rained in the morning.\nExports to China doubled to $4 billion in 2023, the finance ministry said. The streets were quiet.';
    const suggestions = await suggestClaims(text);
    expect(suggestions).toHaveLength(1);
    const [first] = suggestions;
    expect(first && text.slice(first.position.start, first.position.end)).toBe(
      'Exports to China doubled to $4 billion in 2023, the finance ministry said.',
    );
  });

  it('bounds the work on a 2 MB article and gives the event loop turns while it works', async () => {
    const paragraph =
      'The council said spending rose by 12 percent in 2024 because of higher energy prices. Residents gathered in the square. ';
    const text = paragraph.repeat(Math.floor((2 * 1024 * 1024) / paragraph.length));
    scoreCheckWorthiness('Warm up.');
    // A timer that only runs when the work yields: the longest step is a figure of npm run bench:suggest
    // (suggestArticlesEventLoopMaxMs), not a timed assertion that a loaded machine would break.
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const suggestions = await suggestClaims(text);
    clearInterval(timer);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(400);
    expect(turns).toBeGreaterThan(5);
  }, 60_000);
});
