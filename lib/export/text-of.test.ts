import { describe, expect, it } from 'vitest';
import { textOf } from './text-of';

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
