import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuote } from './quote';

// hypothesis/client's quote-matching cases (BSD-2-Clause; see fixtures/hypothesis/SOURCE.md).
interface Cases {
  matchQuote: {
    texts: Record<string, string>;
    cases: {
      text?: string;
      textLiteral?: string;
      quote?: string;
      quoteIsText?: string;
      prefix?: string;
      suffix?: string;
      expect?: { matchedText?: string; score?: number } | null;
      scoreStrictlyBetween?: unknown;
    }[];
    contextDisambiguation: {
      text: string;
      cases: { quote: string; prefix?: string; suffix?: string; expected: string }[];
    };
  };
}
const cases = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'fixtures/hypothesis/anchoring-cases.json'), 'utf8'),
) as Cases;
const { texts } = cases.matchQuote;
const textOf = (c: { text?: string; textLiteral?: string }) => c.textLiteral ?? texts[c.text ?? ''] ?? '';

describe('findQuote against hypothesis/client cases', () => {
  // Exact quotes only: approximate quote matching ("some years later" for "Many years later") is not
  // what Factmark does when it anchors a claim — a quote that is not in the text is reported, not guessed.
  const exactCases = cases.matchQuote.cases.filter(
    (c) => c.quote !== undefined && (c.expect === null || c.expect?.matchedText === c.quote),
  );

  it.each(exactCases.map((c) => [`${c.quote || '(empty)'} in ${c.text ?? JSON.stringify(c.textLiteral)}`, c] as const))(
    '%s',
    (_name, c) => {
      const text = textOf(c);
      const match = findQuote(text, { exact: c.quote ?? '', prefix: c.prefix, suffix: c.suffix });
      if (c.expect === null) {
        expect(match.kind).toBe('not-found');
      } else {
        expect(match.kind).toBe('found');
        if (match.kind === 'found')
          expect(text.slice(match.position.start, match.position.end)).toBe(c.expect?.matchedText);
      }
    },
  );

  it('reports a quote from another text as not found', () => {
    expect(findQuote(texts.twoCities ?? '', { exact: texts.solitude ?? '' }).kind).toBe('not-found');
  });

  const { text: textName, cases: contextCases } = cases.matchQuote.contextDisambiguation;
  it.each(
    contextCases.map(
      (c) => [`"${c.quote}" with ${c.prefix ? `prefix "${c.prefix}"` : `suffix "${c.suffix}"`}`, c] as const,
    ),
  )('tells occurrences apart by context: %s', (_name, c) => {
    const text = texts[textName] ?? '';
    const match = findQuote(text, { exact: c.quote, prefix: c.prefix, suffix: c.suffix });
    expect(match.kind).toBe('found');
    if (match.kind === 'found') expect(match.position.start).toBe(text.indexOf(c.expected));
  });
});
