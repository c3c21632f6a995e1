import { describe, expect, it } from 'vitest';
import { parseDocument } from '@/lib/editor/schema';
import { plainText } from '@/lib/editor/plain-text';
import { htmlToDocument } from './html-to-document';
import { textToDocument } from './text-to-document';

const serialized = (html: string) => JSON.stringify(htmlToDocument(html));

describe('htmlToDocument', () => {
  it('keeps headings, paragraphs, emphasis, lists, quotes and http(s) links', () => {
    const doc = parseDocument(
      htmlToDocument('<h1>Title</h1><p>Some <b>bold</b> and <em>italic</em> <a href="https://example.org/x">link</a></p><ul><li>one</li></ul><blockquote><p>quoted</p></blockquote>'),
    );
    const types = new Set<string>();
    doc.descendants((n) => {
      types.add(n.type.name);
      n.marks.forEach((m) => types.add(m.type.name));
    });
    expect([...types]).toEqual(expect.arrayContaining(['heading', 'paragraph', 'bold', 'italic', 'link', 'bulletList', 'listItem', 'blockquote']));
    expect(plainText(doc).text).toBe('Title\nSome bold and italic link\none\nquoted');
  });

  it('keeps each table row a line of its own, with its cells apart', () => {
    const doc = parseDocument(
      htmlToDocument(
        '<p>Budget:</p><table><caption>Spending</caption><thead><tr><th>Department</th><th>FY2026</th><th>FY2027</th></tr></thead>' +
          '<tbody>\n<tr>\n  <td>Health</td>\n  <td><b>1.2</b> bn</td><td>1.4 bn</td></tr><tr><td>Schools</td><td>0.8 bn</td><td>0.9 bn</td></tr></tbody></table>',
      ),
    );
    expect(plainText(doc).text).toBe('Budget:\nSpending\nDepartment | FY2026 | FY2027\nHealth | 1.2 bn | 1.4 bn\nSchools | 0.8 bn | 0.9 bn');
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
    const doc = parseDocument(textToDocument('markdown', '## Heading\n\nA *claim* with a [source](https://example.org).\n\n- item'));
    expect(plainText(doc).text).toBe('Heading\nA claim with a source.\nitem');
  });
});
