import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairDocument } from './repair-document';
import { editorSchema, MAX_DOCUMENT_DEPTH, parseDocument } from './schema';

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('repairing a live document that breaks the schema', () => {
  it('keeps a valid document as it is', () => {
    const valid = doc(p('Unemployment fell.'), { type: 'blockquote', content: [p('Quoted.')] });
    const { node, repaired } = repairDocument(valid);
    expect(repaired).toBe(false);
    expect(node.toJSON()).toEqual(parseDocument(valid).toJSON());
  });

  it('fills what a node lacks, drops what nothing can hold, and keeps every word it can', () => {
    const broken = doc(
      p('Before.'),
      { type: 'blockquote' },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'bulletList' }] }] },
      { type: 'script', content: [p('Not an element of ours.')] },
      p('After.'),
    );
    expect(() => parseDocument(broken)).toThrow(RangeError);
    const { node, repaired } = repairDocument(broken);
    expect(repaired).toBe(true);
    expect(() => node.check()).not.toThrow();
    expect(node.textContent).toContain('Before.');
    expect(node.textContent).toContain('After.');
    expect(node.textContent).not.toContain('Not an element');
  });

  it('cuts what nests deeper than a document may, without recursing into it', () => {
    let deep: unknown = p('deep');
    for (let i = 0; i < 50_000; i++) deep = { type: 'blockquote', content: [deep] };
    const { node } = repairDocument(doc(p('Top.'), deep));
    expect(node.textContent).toContain('Top.');
    expect(() => parseDocument(node.toJSON())).not.toThrow();
  });

  it('fills an element near the depth limit only with what fits under it (an empty list 29 deep stopped every load)', () => {
    const names = Object.keys(editorSchema().nodes).filter((n) => n !== 'text' && n !== 'doc');
    for (const name of names)
      for (let quotes = MAX_DOCUMENT_DEPTH - 5; quotes <= MAX_DOCUMENT_DEPTH + 1; quotes++) {
        let deep: unknown = { type: name };
        for (let i = 0; i < quotes; i++) deep = { type: 'blockquote', content: [deep] };
        const { node } = repairDocument(doc(p('Top.'), deep));
        expect(node.textContent).toContain('Top.');
        expect(() => parseDocument(node.toJSON())).not.toThrow();
      }
  });

  it('turns any tree of the schema’s node names into a document the schema accepts', () => {
    const names = Object.keys(editorSchema().nodes).filter((n) => n !== 'text');
    const tree = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ type: fc.constant('text'), text: fc.string({ minLength: 0, maxLength: 5 }) }),
        fc.record(
          {
            type: fc.constantFrom(...names),
            attrs: fc.dictionary(
              fc.constantFrom('src', 'colspan', 'level', 'href', 'alt'),
              fc.jsonValue({ maxDepth: 1 }),
            ),
            content: fc.array(tie('node'), { maxLength: 4 }),
          },
          { requiredKeys: ['type'] },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 5 }), (content) => {
        const { node } = repairDocument({ type: 'doc', content });
        expect(node.type.name).toBe('doc');
        expect(() => parseDocument(node.toJSON())).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
