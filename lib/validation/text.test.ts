import { describe, expect, it } from 'vitest';
import { hasBadText, storableText } from './text';

describe('text PostgreSQL can store', () => {
  it('finds NUL and lone surrogates, not emoji or combining marks', () => {
    for (const bad of ['a\u0000b', '\uD800', 'x\uDFFF', '\uDFFF\uD800']) expect(hasBadText(bad)).toBe(true);
    for (const good of ['👩‍👩‍👧‍👦', 'e\u0301', '\u202Eabc', 'plain']) expect(hasBadText(good)).toBe(false);
  });

  it('makes form text storable without losing the rest', () => {
    expect(storableText('a\u0000b\uD800c😀')).toBe('ab\uFFFDc😀');
  });
});
