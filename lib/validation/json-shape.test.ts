import { describe, expect, it } from 'vitest';
import { findJsonProblem, MAX_JSON_DEPTH } from './json-shape';

const nestedArrays = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('findJsonProblem', () => {
  it('refuses nesting past the limit at any depth without overflowing the stack', () => {
    expect(findJsonProblem({ title: nestedArrays(200_000) })).toEqual({ path: expect.stringMatching(/^title(\.0)+$/), message: `Nested deeper than ${MAX_JSON_DEPTH} levels.` });
    expect(findJsonProblem(nestedArrays(MAX_JSON_DEPTH + 1))?.message).toContain('Nested deeper');
    expect(findJsonProblem(nestedArrays(MAX_JSON_DEPTH))).toBeNull();
  });

  it('names the first string or key PostgreSQL cannot store', () => {
    expect(findJsonProblem({ a: 'fine', b: [{ c: 'x\u0000' }], d: '\uD800' })).toEqual({ path: 'b.0.c', message: expect.stringContaining('U+0000') });
    expect(findJsonProblem({ nested: { ['k\uDFFF']: 1 } })?.path).toBe('nested');
    expect(findJsonProblem('\u0000')?.path).toBe('');
    expect(findJsonProblem({ id: 'a\u0000' }, 'path')?.path).toBe('path.id');
    expect(findJsonProblem({ emoji: '👩‍👩‍👧‍👦', n: 1, t: true, z: null })).toBeNull();
  });
});
