import { describe, expect, it } from 'vitest';
import { exceedsJsonSize, findJsonProblem, MAX_JSON_DEPTH, MAX_JSON_VALUES } from './json-shape';
import { updateClaimInput } from './verdicts';

const nestedArrays = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('findJsonProblem', () => {
  it('refuses nesting past the limit at any depth without overflowing the stack', () => {
    expect(findJsonProblem({ title: nestedArrays(200_000) })).toEqual({
      path: expect.stringMatching(/^title(\.0)+$/),
      message: `Nested deeper than ${MAX_JSON_DEPTH} levels.`,
    });
    expect(findJsonProblem(nestedArrays(MAX_JSON_DEPTH + 1))?.message).toContain('Nested deeper');
    expect(findJsonProblem(nestedArrays(MAX_JSON_DEPTH))).toBeNull();
  });

  it('names the first string or key PostgreSQL cannot store', () => {
    expect(findJsonProblem({ a: 'fine', b: [{ c: 'x\u0000' }], d: '\uD800' })).toEqual({
      path: 'b.0.c',
      message: expect.stringContaining('U+0000'),
    });
    expect(findJsonProblem({ nested: { ['k\uDFFF']: 1 } })?.path).toBe('nested');
    expect(findJsonProblem('\u0000')?.path).toBe('');
    expect(findJsonProblem({ id: 'a\u0000' }, 'path')?.path).toBe('path.id');
    expect(findJsonProblem({ emoji: '👩‍👩‍👧‍👦', n: 1, t: true, z: null })).toBeNull();
  });

  it('stops counting past the most values a request holds, before looking at the rest', () => {
    const many = Array.from({ length: MAX_JSON_VALUES + 10 }, (_, i) => (i === MAX_JSON_VALUES + 5 ? '\u0000' : 'z'));
    expect(findJsonProblem({ junk: many })).toEqual({ path: '(body)', message: 'More than 250,000 values.' });
    expect(findJsonProblem({ fits: many.slice(0, MAX_JSON_VALUES - 2) })).toBeNull();
  });
});

describe('an explanation sent as editor JSON', () => {
  const paragraph = 'A sentence of the explanation, forty-eight chars. ';
  const doc = (paragraphs: number) => ({
    type: 'doc',
    content: Array.from({ length: paragraphs }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: paragraph }],
    })),
  });
  const issues = (explanation: unknown) =>
    updateClaimInput.safeParse({ baseVersion: 1, explanation }).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('is held to the 100,000 characters of one sent as text, and to a number of nodes', () => {
    expect(issues(doc(1000))).toBeUndefined();
    expect(issues(doc(3000))).toEqual([['explanation', 'Use at most 100,000 characters.']]);
    expect(issues('x'.repeat(100_001))).toEqual([['explanation', 'Use at most 100,000 characters.']]);
    const emptyNodes = { type: 'doc', content: Array.from({ length: 30_000 }, () => ({ type: 'paragraph' })) };
    expect(issues(emptyNodes)?.[0]?.[0]).toBe('explanation');
  });

  it('stops counting as soon as a bound is passed', () => {
    expect(exceedsJsonSize({ a: 'xx', b: ['yy', { c: 'z' }] }, { characters: 5, objects: 10 })).toBeNull();
    expect(exceedsJsonSize({ a: 'xx', b: ['yy', { c: 'zz' }] }, { characters: 5, objects: 10 })).toBe('characters');
    expect(exceedsJsonSize([[[[]]]], { characters: 5, objects: 3 })).toBe('objects');
  });
});
