import { describe, expect, it } from 'vitest';
import { DIFF_LIMITS, diffText, type DiffPart } from './text-diff';

const oldText = (parts: DiffPart[]) =>
  parts
    .filter((p) => !p.added)
    .map((p) => p.value)
    .join('');
const newText = (parts: DiffPart[]) =>
  parts
    .filter((p) => !p.removed)
    .map((p) => p.value)
    .join('');
const changed = (parts: DiffPart[]) =>
  parts.filter((p) => p.added || p.removed).map((p) => `${p.added ? '+' : '-'}${p.value}`);

/** A deterministic article of `count` words in paragraphs of 40. */
function article(count: number, seed: number): string {
  const words = [
    'the',
    'port',
    'created',
    'jobs',
    'minister',
    'said',
    'records',
    'show',
    'harbour',
    'new',
    'rate',
    'fell',
    'to',
    'of',
    'in',
    'and',
  ];
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(`${words[(s >>> 16) % words.length] ?? ''}${i % 40 === 39 ? '.\n' : ' '}`);
  }
  return out.join('').trimEnd();
}

describe('diffText', () => {
  it('marks the changed word only, with the spaces outside the change', () => {
    const { parts, isCoarse } = diffText(
      'Unemployment fell to 3 percent last year.',
      'Unemployment fell to 4 percent last year.',
    );
    expect(changed(parts)).toEqual(['-3', '+4']);
    expect(parts.map((p) => p.value).join('|')).toBe('Unemployment fell to |3|4| percent last year.');
    expect(isCoarse).toBe(false);
  });

  it('keeps unchanged paragraphs and compares changed ones word by word', () => {
    const before = 'First paragraph stays.\nThe port created 1,200 jobs.\nLast paragraph stays.';
    const after = 'First paragraph stays.\nThe port created 1,250 jobs.\nA new paragraph.\nLast paragraph stays.';
    const { parts } = diffText(before, after);
    expect(changed(parts)).toEqual(['-200', '+250', '+A new paragraph.\n']);
    expect(oldText(parts)).toBe(before);
    expect(newText(parts)).toBe(after);
  });

  it('gives back both texts exactly, whatever was changed', () => {
    const base = article(600, 1);
    const variants = [
      ['', base],
      [base, ''],
      [base, base.replaceAll('port', 'harbour')],
      [base, `${base}\nAnd one more.`],
      [`Intro.\n${base}`, base],
      [base, article(600, 2)],
      ['\n\na\n', 'a\n\n\n'],
      ['same', 'same'],
    ];
    for (const [before = '', after = ''] of variants) {
      const { parts } = diffText(before, after);
      expect(oldText(parts)).toBe(before);
      expect(newText(parts)).toBe(after);
      for (const p of parts) expect(p.value).not.toBe('');
    }
  });

  it('gives back both texts for hundreds of random edits, with any budget', () => {
    const vocabulary = ['a ', 'b ', 'c ', 'a\n', 'b\n', '. ', ''];
    let s = 7;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648) >>> 16;
    const random = (length: number) => Array.from({ length }, () => vocabulary[next() % vocabulary.length]).join('');
    for (let round = 0; round < 300; round++) {
      const before = random(next() % 30);
      const after = round % 5 === 0 ? before : random(next() % 30);
      const steps = [0, 5, 50, 100_000][round % 4] ?? 0;
      const { parts } = diffText(before, after, { ...DIFF_LIMITS, steps, stepsPerPassage: steps });
      expect([oldText(parts), newText(parts)]).toEqual([before, after]);
      if (before === after) expect(changed(parts)).toEqual([]);
    }
  });

  it('falls back to whole removed and added paragraphs when a rewrite exceeds the budget, and says so', () => {
    const before = article(8000, 3);
    const after = article(8000, 4);
    const { parts, isCoarse } = diffText(before, after);
    expect(isCoarse).toBe(true);
    expect(oldText(parts)).toBe(before);
    expect(newText(parts)).toBe(after);
    // One removal and one addition: the rewrite shown whole, not a scatter of common words.
    expect(changed(parts)).toHaveLength(2);
  });

  it('compares the edited paragraphs of a long article word by word and the rewritten ones whole', () => {
    const paragraphs = article(8000, 5).split('\n');
    const edited = paragraphs.map((p, i) =>
      i === 10 ? p.replace('port', 'airport') : i >= 100 && i < 150 ? article(40, i) : p,
    );
    const { parts, isCoarse } = diffText(paragraphs.join('\n'), edited.join('\n'), {
      ...DIFF_LIMITS,
      stepsPerPassage: 2000,
    });
    expect(changed(parts).slice(0, 2)).toEqual(['-port', '+airport']);
    expect(isCoarse).toBe(true);
    expect(newText(parts)).toBe(edited.join('\n'));
  });

  it('stays bounded at the 2 MB limit on both sides: a complete rewrite and a line-per-character text', () => {
    const max = 2 * 1024 * 1024;
    const prose = (seed: number) => article(20_000, seed).repeat(20).slice(0, max);
    for (const [before, after] of [
      [prose(6), prose(7)],
      ['a\n'.repeat(max / 2), 'b\n'.repeat(max / 2)],
    ] as const) {
      const { parts, isCoarse } = diffText(before, after);
      expect(isCoarse).toBe(true);
      expect(oldText(parts)).toBe(before);
      expect(newText(parts)).toBe(after);
    }
  });
});
