import { describe, expect, it } from 'vitest';
import { csvCell, textOf } from './export-claims';

describe('csvCell', () => {
  it('quotes every cell and doubles inner quotes', () => {
    expect(csvCell('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const v of ['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tx'])
      expect(csvCell(v).startsWith(`"'`)).toBe(true);
  });
});

describe('textOf', () => {
  it('joins a bold run to the text after it without a space, and paragraphs with one', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'However', marks: [{ type: 'bold' }] },
            { type: 'text', text: ', the figure is old.' },
          ],
        },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Line one' }, { type: 'hardBreak' }, { type: 'text', text: 'line two.' }],
        },
      ],
    };
    expect(textOf(doc)).toBe('However, the figure is old. Line one line two.');
  });
});
