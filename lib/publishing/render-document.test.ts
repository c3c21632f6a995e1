import type { Node as PMNode, NodeType } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '@/lib/editor/schema';
import { sampleClaim } from './fixtures/sample-snapshot';
import { renderDocument } from './render-document';

const p = (...content: object[]) => ({ type: 'paragraph', content });
const text = (t: string, claim?: string) => ({
  type: 'text',
  text: t,
  ...(claim ? { marks: [{ type: 'claim', attrs: { id: claim } }] } : {}),
});
const cell = (type: 'tableHeader' | 'tableCell', content: object, attrs: Record<string, unknown> = {}) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs },
  content: [content],
});

describe('renderDocument', () => {
  it('renders a table with column and row headers, spans, and a claim highlighted in its cell', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [cell('tableHeader', p(text('Department'))), cell('tableHeader', p(text('FY2026')))],
            },
            {
              type: 'tableRow',
              content: [
                cell('tableHeader', p(text('Health'))),
                cell('tableCell', p(text('spending doubles', 'claim-a')), { colspan: 2, rowspan: '3"><script>' }),
              ],
            },
          ],
        },
      ],
    };
    const claim = sampleClaim({ id: 'claim-a' });
    const html = renderDocument(doc, {
      claims: new Map([[claim.id, claim]]),
      afterClaim: () => '<button>False</button>',
    });
    expect(html).toBe(
      '<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>' +
        '<tr><th scope="col"><p>Department</p></th><th scope="col"><p>FY2026</p></th></tr>' +
        '<tr><th scope="row"><p>Health</p></th><td colspan="2"><p><mark class="claim" data-claim-id="claim-a">spending doubles</mark><button>False</button></p></td></tr>' +
        '</table></div>',
    );
  });
});

describe('renderDocument over the editor schema', () => {
  const schema = editorSchema();
  const render = (doc: PMNode, claims: string[] = []) =>
    renderDocument(doc.toJSON(), {
      claims: new Map(claims.map((id) => [id, sampleClaim({ id })])),
      afterClaim: (c) => `<button>${c.id}</button>`,
    });
  const words = () => schema.text('words');
  /** A node of `type` holding some words where it can hold any, with its required children filled in. */
  /** Attributes a node needs to be shown at all (a figure shows only Factmark's own media). */
  const required: Record<string, Record<string, string>> = {
    figure: { src: '/media/0b3e1f52-7d1c-4c62-9a55-3f1d2e4c5b6a', alt: 'A chart' },
  };
  const sample = (type: NodeType): PMNode => {
    if (type.isText) return words();
    const filled =
      type.createAndFill(
        required[type.name] ?? null,
        type.contentMatch.matchType(schema.nodes.text ?? type) ? words() : null,
      ) ?? type.createAndFill();
    if (!filled) throw new Error(`${type.name} cannot be built with its defaults`);
    return filled;
  };

  it('renders every node type of the schema with markup of its own', () => {
    const names: string[] = [];
    schema.spec.nodes.forEach((name) => names.push(name));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const type = schema.nodes[name];
      if (!type || name === 'doc') continue;
      const node = sample(type);
      const own = renderDocument(node.toJSON(), { claims: new Map() });
      let inner = '';
      node.forEach((child) => (inner += renderDocument(child.toJSON(), { claims: new Map() })));
      if (type.isText) expect(own, name).toBe('words');
      else expect(own.length, `${name} renders nothing of its own: ${own}`).toBeGreaterThan(inner.length);
    }
  });

  it('renders every mark type of the schema around the words it marks', () => {
    const names: string[] = [];
    schema.spec.marks.forEach((name) => names.push(name));
    expect(names).toEqual(expect.arrayContaining(['bold', 'italic', 'link', 'claim']));
    const attrs: Record<string, Record<string, unknown>> = {
      link: { href: 'https://example.org/' },
      claim: { id: 'claim-1' },
    };
    for (const name of names) {
      const type = schema.marks[name];
      if (!type) continue;
      const doc = schema.node('doc', null, [
        schema.node('paragraph', null, [schema.text('words', [type.create(attrs[name] ?? null)])]),
      ]);
      expect(render(doc, ['claim-1']), name).not.toBe(
        render(schema.node('doc', null, [schema.node('paragraph', null, [words()])])),
      );
    }
  });

  it('keeps the published contract: headings 2 to 4, http(s) links only, claims of the publication only, labels after the last words', () => {
    const p = (...content: PMNode[]) => schema.node('paragraph', null, content);
    const claim = (id: string) => schema.marks.claim?.create({ id });
    const link = (href: string) => schema.marks.link?.create({ href });
    const marked = (t: string, ...marks: (ReturnType<typeof claim> | ReturnType<typeof link>)[]) =>
      schema.text(
        t,
        marks.filter((m) => m !== undefined),
      );
    const doc = schema.node('doc', null, [
      schema.node('heading', { level: 1 }, [words()]),
      schema.node('heading', { level: 3 }, [words()]),
      p(marked('safe', link('https://example.org/?a=1&b=2')), marked(' unsafe', link('javascript:alert(1)'))),
      p(
        marked('one ', claim('a')),
        marked('two', claim('a'), claim('b')),
        marked(' three', claim('b')),
        marked(' draft', claim('unpublished')),
      ),
      schema.node('orderedList', { start: 3 }, [schema.node('listItem', null, [p(words())])]),
      p(words(), schema.node('hardBreak'), words()),
      schema.node('horizontalRule'),
    ]);
    expect(render(doc, ['a', 'b'])).toBe(
      '<h2>words</h2><h3>words</h3>' +
        '<p><a href="https://example.org/?a=1&amp;b=2" rel="nofollow noopener">safe</a> unsafe</p>' +
        '<p><mark class="claim" data-claim-id="a">one </mark><mark class="claim" data-claim-id="b"><mark class="claim" data-claim-id="a">two</mark></mark><button>a</button>' +
        '<mark class="claim" data-claim-id="b"> three</mark><button>b</button> draft</p>' +
        '<ol start="3"><li><p>words</p></li></ol><p>words<br>words</p><hr>',
    );
  });

  it('refuses a document with a node type the schema does not have, instead of dropping it', () => {
    expect(() =>
      renderDocument({ type: 'doc', content: [{ type: 'video', content: [] }] }, { claims: new Map() }),
    ).toThrow();
  });
});
