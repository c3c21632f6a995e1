import { describe, expect, it } from 'vitest';
import { findQuote, MAX_CANDIDATES, quoteAt } from './quote';

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
    expect(findQuote(text, { exact: 'The cat', suffix: ' ran' })).toEqual({
      kind: 'found',
      position: { start: 26, end: 33 },
    });
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

describe('findQuote at the input limits', () => {
  // 2 MB of article (MAX_ARTICLE_CHARS), 500 characters of prefix and suffix, as the API allows.
  const MAX_TEXT = 2 * 1024 * 1024;
  const sentences = 'the cat sat. '.repeat(Math.floor(MAX_TEXT / 13));
  const odd = 'the cat ran. ';
  const at = 13 * 80_000;
  const text = sentences.slice(0, at) + odd + sentences.slice(at + odd.length);

  it('finds a short quote repeated all over a 2 MB article by the context around it', () => {
    const start = at + 4;
    const match = findQuote(text, {
      exact: 'cat',
      prefix: text.slice(start - 500, start),
      suffix: text.slice(start + 3, start + 503),
    });
    expect(match).toEqual({ kind: 'found', position: { start, end: start + 3 } });
  });

  it('reports it as ambiguous, with the count, when that context is nowhere near', () => {
    const match = findQuote(text, { exact: 'cat', prefix: 'dog ran. '.repeat(55), suffix: ' dog ran.'.repeat(55) });
    expect(match).toEqual({ kind: 'ambiguous', count: Math.floor(MAX_TEXT / 13) });
  });

  it('compares the context of every occurrence up to MAX_CANDIDATES, tolerating a changed word', () => {
    const numbered = Array.from(
      { length: MAX_CANDIDATES },
      (_, i) => `claim ${String(i).padStart(6, '0')} is here. `,
    ).join('');
    const start = numbered.indexOf('claim 012345');
    const prefix = numbered.slice(start - 500, start).replace('012344 is', '012344 was');
    const suffix = numbered.slice(start + 5, start + 505);
    expect(findQuote(numbered, { exact: 'claim', prefix, suffix })).toEqual({
      kind: 'found',
      position: { start, end: start + 5 },
    });
  });

  it('searches in linear time where a naive search is quadratic', () => {
    const as = 'a'.repeat(MAX_TEXT);
    expect(findQuote(as, { exact: `${'a'.repeat(2500)}b${'a'.repeat(2499)}` })).toEqual({ kind: 'not-found' });
    expect(findQuote(as, { exact: 'a', prefix: 'a'.repeat(500), suffix: 'a'.repeat(500) })).toEqual({
      kind: 'ambiguous',
      count: MAX_TEXT,
    });
    const withB = `${as.slice(0, 1000)}b${as.slice(1001)}`;
    expect(findQuote(withB, { exact: `${'a'.repeat(10)}b${'a'.repeat(10)}` })).toEqual({
      kind: 'found',
      position: { start: 990, end: 1011 },
    });
  });
});
