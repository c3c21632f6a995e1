import { describe, expect, it } from 'vitest';
import { findQuote, quoteAt } from './quote';

const text = 'The cat sat. The dog sat. The cat ran.';

describe('findQuote', () => {
  it('finds a quote that occurs once', () => {
    expect(findQuote(text, { exact: 'dog sat' })).toEqual({ kind: 'found', position: { start: 17, end: 24 } });
  });

  it('reports a quote that is not in the text instead of guessing', () => {
    expect(findQuote(text, { exact: 'bird' })).toEqual({ kind: 'not-found' });
    expect(findQuote(text, { exact: '' })).toEqual({ kind: 'not-found' });
  });

  it('reports a repeated quote without context as ambiguous', () => {
    expect(findQuote(text, { exact: 'The cat' })).toEqual({ kind: 'ambiguous', count: 2 });
  });

  it('tells repeated quotes apart by their suffix or prefix', () => {
    expect(findQuote(text, { exact: 'The cat', suffix: ' ran' })).toEqual({ kind: 'found', position: { start: 26, end: 33 } });
    expect(findQuote(text, { exact: 'cat', prefix: 'dog sat. The ' })).toEqual({
      kind: 'found',
      position: { start: 30, end: 33 },
    });
  });
});

describe('quoteAt', () => {
  it('gives the exact words with up to 32 characters of context', () => {
    const long = `${'a'.repeat(40)}CLAIM${'b'.repeat(40)}`;
    const quote = quoteAt(long, { start: 40, end: 45 });
    expect(quote).toEqual({ exact: 'CLAIM', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
  });

  it('never cuts an emoji in half at the edges of its context', () => {
    // 😀 is two UTF-16 units; the 32-unit window would start and end between them.
    const emojiText = `x😀${'a'.repeat(31)}CLAIM${'b'.repeat(31)}😀y`;
    const start = emojiText.indexOf('CLAIM');
    const quote = quoteAt(emojiText, { start, end: start + 5 });
    expect(quote).toEqual({ exact: 'CLAIM', prefix: 'a'.repeat(31), suffix: 'b'.repeat(31) });
  });

  it('round-trips through findQuote', () => {
    const quote = quoteAt(text, { start: 26, end: 33 });
    expect(findQuote(text, quote)).toEqual({ kind: 'found', position: { start: 26, end: 33 } });
  });
});
