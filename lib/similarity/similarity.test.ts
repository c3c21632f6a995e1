import { describe, expect, it } from 'vitest';
import { normalizeClaimText } from './normalize';
import { createLexicalScorer, scoreNormalized } from './scorer';
import { stem } from './stemmer';

const score = (a: string, b: string) => scoreNormalized(normalizeClaimText(a), normalizeClaimText(b));

describe('stem', () => {
  it('follows Porter’s examples', () => {
    const cases: [string, string][] = [
      ['caresses', 'caress'],
      ['ponies', 'poni'],
      ['cats', 'cat'],
      ['agreed', 'agre'],
      ['plastered', 'plaster'],
      ['motoring', 'motor'],
      ['hopping', 'hop'],
      ['filing', 'file'],
      ['happy', 'happi'],
      ['relational', 'relat'],
      ['conditional', 'condit'],
      ['generalization', 'gener'],
      ['electricity', 'electr'],
      ['adjustment', 'adjust'],
      ['controlling', 'control'],
      ['generate', 'gener'],
    ];
    for (const [word, expected] of cases) expect(stem(word), word).toBe(expected);
  });
});

describe('normalizeClaimText', () => {
  it('writes numbers as digits whether given in words, digits or with multipliers', () => {
    expect(normalizeClaimText('twenty-eight per cent').tokens).toEqual(['28', 'percent']);
    expect(normalizeClaimText('28%').tokens).toEqual(['28', 'percent']);
    expect(normalizeClaimText('28 percent').tokens).toEqual(['28', 'percent']);
    expect(normalizeClaimText('one hundred and five').numbers).toEqual(['105']);
    expect(normalizeClaimText('$2.5bn').numbers).toEqual(['2500000000']);
    expect(normalizeClaimText('2,500,000,000 dollars').tokens).toEqual(['2500000000', 'dollar']);
    expect(normalizeClaimText('two and a half million').numbers[0]).toBe('2');
  });

  it('maps synonyms to one word and drops titles before names', () => {
    expect(normalizeClaimText('Prices went up').tokens).toEqual(['price', 'increase']);
    expect(normalizeClaimText('costs rose').tokens).toEqual(['price', 'increase']);
    expect(normalizeClaimText('Exports declined').tokens).toEqual(normalizeClaimText('exports dropped').tokens);
    expect(normalizeClaimText('crime doubled').tokens).toEqual(normalizeClaimText('crime is twice').tokens);
    expect(normalizeClaimText('President Joe Biden').tokens).toEqual(normalizeClaimText('Joe Biden').tokens);
    expect(normalizeClaimText('Dr. Amélie Durand').tokens).toEqual(['ameli', 'durand']);
  });
});

describe('scoreNormalized', () => {
  it('rates paraphrases of one claim above a claim with other numbers or other words', () => {
    const claim = 'Unemployment rose to 28 percent last year';
    const paraphrase = score(claim, 'Last year joblessness went up to twenty-eight per cent');
    expect(paraphrase).toBeGreaterThan(0.9);
    expect(score(claim, 'Unemployment rose to 9 percent last year')).toBeLessThan(paraphrase - 0.2);
    expect(score(claim, 'The bridge was built in 1932')).toBeLessThan(0.2);
  });

  it('is symmetric and zero for text without content words', () => {
    expect(score('a b', 'the of')).toBe(0);
    expect(score('Crime doubled in Leeds', 'Leeds crime twice as high')).toBe(
      score('Leeds crime twice as high', 'Crime doubled in Leeds'),
    );
  });
});

describe('the lexical scorer', () => {
  it('ranks best first, drops what falls under the threshold and keeps to the limit', async () => {
    const scorer = createLexicalScorer();
    const ranked = await scorer.rank(
      'The mayor said bus fares doubled since 2020',
      [
        { id: 'far', text: 'Wheat harvests failed in the north', origin: 'newsroom' },
        { id: 'near', text: 'Bus fares are twice what they were in 2020', origin: 'imported' },
        { id: 'mid', text: 'Bus fares rose in 2020', origin: 'newsroom' },
      ],
      5,
    );
    expect(ranked.map((r) => r.id)).toEqual(['near', 'mid']);
    expect(await scorer.rank('bus fares', [{ id: 'a', text: 'bus fares', origin: 'newsroom' }], 0)).toEqual([]);
  });
});
