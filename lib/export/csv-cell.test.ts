import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cell';

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
