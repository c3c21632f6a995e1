import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  contentChanges,
  explanationText,
  sameContent,
  wordDiff,
  type ReviewedContent,
} from './reviewed-content';

const content = (over: Partial<ReviewedContent> = {}): ReviewedContent => ({
  quote: 'Rents doubled in a year',
  statedClaim: 'Rents doubled in a year.',
  claimReviewed: 'Rents doubled',
  claimant: 'A minister',
  claimantRole: null,
  claimDate: '2026-01-02T00:00:00.000Z',
  appearanceUrl: null,
  rating: { id: 'r1', label: 'False' },
  shortVerdict: 'They rose by 8%.',
  explanation: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The index rose 8%.' }] }],
  },
  sources: [
    {
      url: 'https://stats.example.org',
      title: 'Rents index',
      publisher: null,
      publishedAt: null,
      accessedAt: null,
      archivedUrl: null,
      kind: 'official-data',
      excerpt: '',
    },
  ],
  ...over,
});

describe('reviewed content', () => {
  it('compares JSON as data: key order does not count, values do', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 'x', x: null }] })).toBe(canonicalJson({ a: [{ x: null, y: 'x' }], b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
    expect(JSON.parse(canonicalJson({ b: { d: [1, { f: 'g' }] }, a: 'é"' }))).toEqual({
      a: 'é"',
      b: { d: [1, { f: 'g' }] },
    });
  });

  it('canonicalizes explanations nested far deeper than a recursive walk could', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20_000; i++) deep = { content: [deep] };
    expect(canonicalJson(deep).length).toBeGreaterThan(20_000 * 12);
  });

  it('counts a rating by id, so renaming a rating is not a change of the verdict', () => {
    expect(sameContent(content(), content({ rating: { id: 'r1', label: 'Wrong' } }))).toBe(true);
    expect(sameContent(content(), content({ rating: { id: 'r2', label: 'False' } }))).toBe(false);
    expect(sameContent(content(), content({ sources: [] }))).toBe(false);
  });

  it('reads every word of an explanation: lists, quotes, nested marks and link addresses', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ' },
            {
              type: 'text',
              text: 'the data',
              marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://d.example.org' } }],
            },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first point' }] }] },
          ],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted words' }] }] },
      ],
    };
    expect(explanationText(doc)).toBe('See the data <https://d.example.org>\n• first point\n> quoted words');
  });

  it('shows changes word by word, inside lists and quotes too', () => {
    const list = (text: string) => ({
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }],
        },
      ],
    });
    const changes = contentChanges(
      content({ explanation: list('Rents rose 8% last year') }),
      content({ explanation: list('Rents rose 9% last year') }),
    );
    expect(changes.map((c) => c.field)).toEqual(['explanation']);
    expect(changes[0]?.parts).toEqual([
      { kind: 'same', text: '• Rents rose ' },
      { kind: 'removed', text: '8' },
      { kind: 'added', text: '9' },
      { kind: 'same', text: '% last year' },
    ]);
  });

  it('falls back to whole-field replacement when two texts differ too much to diff word by word', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 5000 }, (_, i) => `b${i}`).join(' ');
    expect(wordDiff(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });

  it('diffs against the fields in words that older reviews stored', () => {
    const changes = contentChanges({ words: 'Rents doubled in a year', shortVerdict: 'They rose.' }, content());
    expect(changes.find((c) => c.field === 'shortVerdict')?.parts).toContainEqual({ kind: 'added', text: 'by 8%' });
    expect(changes.map((c) => c.field)).not.toContain('words');
  });
});
