import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from '@/lib/editor/schema';
import { plainText } from '@/lib/editor/plain-text';
import type { OmittedItem } from '@/lib/validation/articles';
import { extractArticle } from './extract-article';
import { htmlToDocument } from './html-to-document';
import { MAX_OMITTED, omittedSummary } from './omitted-content';
import { readPageMetadata } from './read-page-metadata';
import { textToDocument } from './text-to-document';

const serialized = (html: string) => JSON.stringify(htmlToDocument(html));

describe('htmlToDocument', () => {
  it('keeps headings, paragraphs, emphasis, lists, quotes and http(s) links', () => {
    const doc = parseDocument(
      htmlToDocument(
        '<h1>Title</h1><p>Some <b>bold</b> and <em>italic</em> <a href="https://example.org/x">link</a></p><ul><li>one</li></ul><blockquote><p>quoted</p></blockquote>',
      ),
    );
    const types = new Set<string>();
    doc.descendants((n) => {
      types.add(n.type.name);
      n.marks.forEach((m) => types.add(m.type.name));
    });
    expect([...types]).toEqual(
      expect.arrayContaining([
        'heading',
        'paragraph',
        'bold',
        'italic',
        'link',
        'bulletList',
        'listItem',
        'blockquote',
      ]),
    );
    expect(plainText(doc).text).toBe('Title\nSome bold and italic link\none\nquoted');
  });

  it('keeps a table as a table: header cells, data cells, spans, and the caption before it', () => {
    const doc = parseDocument(
      htmlToDocument(
        '<p>Budget:</p><table style="width:9000px"><caption>Spending</caption><thead><tr><th onclick="x()">Department</th><th>FY2026</th><th>FY2027</th></tr></thead>' +
          '<tbody>\n<tr>\n  <td>Health</td>\n  <td><b>1.2</b> bn</td><td>1.4 bn</td></tr><tr><td colspan="2" rowspan="999" width="5">Schools</td><td>0.9 bn</td></tr></tbody></table>',
      ),
    );
    const json = JSON.stringify(doc.toJSON());
    expect(json).not.toMatch(/onclick|style|9000|999/);
    expect(doc.childCount).toBe(3);
    expect(doc.child(1).textContent).toBe('Spending');
    const table = doc.child(2);
    expect(table.type.name).toBe('table');
    expect(table.childCount).toBe(3);
    const cells = (row: number) => {
      const out: { type: string; text: string; colspan: number }[] = [];
      table
        .child(row)
        .forEach((cell) =>
          out.push({ type: cell.type.name, text: cell.textContent, colspan: cell.attrs.colspan as number }),
        );
      return out;
    };
    expect(cells(0).map((c) => c.type)).toEqual(['tableHeader', 'tableHeader', 'tableHeader']);
    expect(cells(1)).toEqual([
      { type: 'tableCell', text: 'Health', colspan: 1 },
      { type: 'tableCell', text: '1.2 bn', colspan: 1 },
      { type: 'tableCell', text: '1.4 bn', colspan: 1 },
    ]);
    expect(cells(2)[0]).toEqual({ type: 'tableCell', text: 'Schools', colspan: 2 });
    // Each cell is a block of its own: the plain text claims are anchored in never runs two cells together.
    expect(plainText(doc).text).toBe(
      'Budget:\nSpending\nDepartment\nFY2026\nFY2027\nHealth\n1.2 bn\n1.4 bn\nSchools\n0.9 bn',
    );
  });

  it('keeps the table a .docx or Markdown gives, and no table from cells that stand outside one', () => {
    const md = parseDocument(textToDocument('markdown', '| Department | FY2026 |\n| --- | --- |\n| Health | 1.2 bn |'));
    expect(md.child(0).type.name).toBe('table');
    expect(md.child(0).child(0).child(0).type.name).toBe('tableHeader');
    expect(plainText(md).text).toBe('Department\nFY2026\nHealth\n1.2 bn');
    const stray = parseDocument(htmlToDocument('<div><tr><td>loose</td><td>cells</td></tr></div>'));
    expect(JSON.stringify(stray.toJSON())).not.toContain('table');
  });

  it('refuses a document whose table cell spans more than the limit', () => {
    const cell = (colspan: number) => ({
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', attrs: { colspan }, content: [{ type: 'paragraph' }] }],
            },
          ],
        },
      ],
    });
    expect(() => parseDocument(cell(2))).not.toThrow();
    expect(() => parseDocument(cell(1_000_000_000))).toThrow(RangeError);
  });

  it('lists the media it leaves out, with alt text or title and web address', () => {
    const omitted: OmittedItem[] = [];
    htmlToDocument(
      '<p>Text</p><figure><img src="https://cdn.example.org/chart.png" alt="Chart of  spending"><figcaption>Spending</figcaption></figure>' +
        '<img src="data:image/png;base64,AAAA"><picture><source srcset="a.webp"><img src="https://cdn.example.org/p.jpg" alt="Photo"></picture>' +
        '<video src="https://cdn.example.org/v.mp4" title="Interview">Your browser cannot play this.</video><iframe src="https://video.example.org/embed/1" title="Clip"></iframe>',
      'body',
      omitted,
    );
    expect(omitted).toEqual([
      { kind: 'image', description: 'Chart of spending', url: 'https://cdn.example.org/chart.png' },
      { kind: 'image', description: null, url: null },
      { kind: 'image', description: 'Photo', url: 'https://cdn.example.org/p.jpg' },
      { kind: 'video', description: 'Interview', url: 'https://cdn.example.org/v.mp4' },
      { kind: 'frame', description: 'Clip', url: 'https://video.example.org/embed/1' },
    ]);
    expect(omittedSummary(omitted)).toBe('3 images, 1 video and 1 embedded frame');
    const many: OmittedItem[] = [];
    htmlToDocument('<p>x</p>' + '<img alt="i">'.repeat(MAX_OMITTED + 50), 'body', many);
    expect(many).toHaveLength(MAX_OMITTED);
  });

  it('drops scripts, handlers, styles, frames, objects and unsafe links', () => {
    const out = serialized(
      '<p onclick="alert(1)" style="color:red">Hi<script>alert(2)</script><iframe src="https://evil.example"></iframe><object data="x"></object>' +
        '<a href="javascript:alert(3)">js</a><a href="data:text/html,<script>alert(4)</script>">data</a><img src=x onerror=alert(5)></p>',
    );
    expect(out).not.toMatch(/alert|onclick|style|iframe|object|javascript:|data:|onerror/i);
    expect(out).toContain('Hi');
    expect(out).toContain('js');
  });

  it('turns Markdown into the same structure', () => {
    const doc = parseDocument(
      textToDocument('markdown', '## Heading\n\nA *claim* with a [source](https://example.org).\n\n- item'),
    );
    expect(plainText(doc).text).toBe('Heading\nA claim with a source.\nitem');
  });
});

describe('parsing untrusted HTML', () => {
  it('writes nothing to the server log, however broken its stylesheets', () => {
    const broken = `<style>p { color: red; } }}} @media {{{ </style><p style="color:{{">Fares fell.</p>`;
    const page = `<!doctype html><html><head><title>T</title>${broken}</head><body><article><h1>Fares</h1><p>${'Officials said fares fell. '.repeat(40)}</p>${broken}</article></body></html>`;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(plainText(parseDocument(htmlToDocument(broken))).text).toContain('Fares fell.');
      expect(extractArticle(page, 'https://news.example.org/fares')?.html).toContain('Officials said fares fell.');
      expect(readPageMetadata(page, 'https://news.example.org/fares').title).toBe('T');
      expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });
});
