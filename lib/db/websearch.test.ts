// Any words a person can type into a search box make a query PostgreSQL accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pool } from './index';
import { websearchInput } from './websearch';

const parse = (text: string) =>
  pool().query<{ q: string }>(
    `SELECT (websearch_to_tsquery('simple', $1) || websearch_to_tsquery('english', $1))::text AS q`,
    [text],
  );

describe('websearchInput', () => {
  it('keeps words, phrases, OR and a single minus as they were', () => {
    expect(websearchInput('"rising prices" or wages -inflation')).toBe('"rising prices" or wages -inflation');
    expect(websearchInput('well-known e-mail')).toBe('well-known e-mail');
  });

  it('makes one minus of a run of them, spaced or not, which PostgreSQL otherwise refuses', async () => {
    const run = '- '.repeat(60);
    await expect(parse(run)).rejects.toThrow(/tsquery stack too small/);
    expect(websearchInput(`${run}wages`)).toBe('- wages');
    expect(websearchInput(`prices ${'-'.repeat(80)} wages`)).toBe('prices - wages');
    expect((await parse(websearchInput(`prices ${run} wages`))).rows[0]?.q).toBe(
      "'prices' & !'wages' | 'price' & !'wage'",
    );
  });

  it('gives PostgreSQL a query it parses for any text of search-box length', async () => {
    const piece = fc.constantFrom(
      '-',
      ' ',
      '"',
      'or',
      'OR',
      '!',
      '(',
      ')',
      ':',
      '*',
      '&',
      '|',
      '.',
      'a',
      'wage',
      'é',
      '-x',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 200 }), async (pieces) => {
        await parse(websearchInput(pieces.join('').slice(0, 200)));
      }),
      { numRuns: 200 },
    );
  });
});
