import { describe, expect, it } from 'vitest';
import { addClaimMark, claimRanges } from './claim-marks';
import { plainText } from './plain-text';
import { documentFromText, MAX_DOCUMENT_DEPTH, parseDocument } from './schema';

const doc = () => parseDocument(documentFromText('First paragraph here.\nSecond one, with a claim.\n\nThird.'));

describe('plainText', () => {
  it('joins paragraphs with one newline and skips empty lines', () => {
    expect(plainText(doc()).text).toBe('First paragraph here.\nSecond one, with a claim.\nThird.');
  });

  it('maps offsets to document positions and back', () => {
    const d = doc();
    const pt = plainText(d);
    for (const offset of [0, 5, 21, 22, 30, 48, 50]) {
      const side = offset === 21 ? 'end' : 'start';
      expect(pt.toOffset(pt.toPos(offset, side))).toBe(offset);
    }
  });
});

describe('claim marks', () => {
  it('marks exactly the words of a claim, in any paragraph', () => {
    let d = doc();
    const text = plainText(d).text;
    const start = text.indexOf('with a claim');
    d = addClaimMark(d, { start, end: start + 'with a claim'.length }, 'c1');
    expect(claimRanges(d).get('c1')).toEqual({ start, end: start + 12 });
    expect(plainText(d).text).toBe(text);
  });

  it('keeps overlapping and nested claims apart', () => {
    let d = doc();
    d = addClaimMark(d, { start: 0, end: 15 }, 'outer');
    d = addClaimMark(d, { start: 6, end: 26 }, 'overlap');
    d = addClaimMark(d, { start: 6, end: 10 }, 'nested');
    const ranges = claimRanges(d);
    expect(ranges.get('outer')).toEqual({ start: 0, end: 15 });
    expect(ranges.get('overlap')).toEqual({ start: 6, end: 26 });
    expect(ranges.get('nested')).toEqual({ start: 6, end: 10 });
  });

  it('survives a JSON round trip through the schema check', () => {
    const d = addClaimMark(doc(), { start: 0, end: 5 }, 'c1');
    const again = parseDocument(JSON.parse(JSON.stringify(d.toJSON())));
    expect(claimRanges(again).get('c1')).toEqual({ start: 0, end: 5 });
  });
});

describe('parseDocument', () => {
  it('refuses nodes and marks the editor does not know', () => {
    expect(() => parseDocument({ type: 'doc', content: [{ type: 'iframe' }] })).toThrow();
    expect(() =>
      parseDocument({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'script' }] }] }],
      }),
    ).toThrow();
    expect(() => parseDocument('not a doc')).toThrow();
  });

  it('refuses nesting deeper than MAX_DOCUMENT_DEPTH without overflowing the stack, and keeps what the editor makes', () => {
    const nested = (levels: number) => {
      let node: Record<string, unknown> = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] };
      for (let i = 0; i < levels; i++) node = { type: 'blockquote', content: [node] };
      return { type: 'doc', content: [node] };
    };
    expect(() => parseDocument(nested(5000))).toThrow(`nested deeper than ${MAX_DOCUMENT_DEPTH} levels`);
    expect(() => parseDocument(nested(MAX_DOCUMENT_DEPTH))).toThrow(RangeError);
    expect(parseDocument(nested(MAX_DOCUMENT_DEPTH - 2)).textContent).toBe('deep');
  });
});
