import { afterAll, describe, expect, it } from 'vitest';
import { xssVectors } from '@/e2e/support/xss-corpus';
import { parseHtmlFragment } from './parse-fragment';
import { quietDom } from './quiet-dom';

const { window } = quietDom('<!doctype html><html><body></body></html>');
const { document } = window;
afterAll(() => window.close());

const PLAIN_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const settable = (name: string) => {
  try {
    document.createElement('div').setAttribute(name, '');
    return true;
  } catch {
    return false;
  }
};

/** The tree as text: namespaces, names, attributes and text, as copyAllowed and the image readers see them. */
function shape(parent: Node): string {
  const out: string[] = [];
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) out.push(JSON.stringify((node as Text).data));
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const name = PLAIN_NAME.test(el.localName) && !el.prefix ? el.localName : 'x-unknown';
    const attrs = Array.from(el.attributes)
      .filter((a) => a.namespaceURI !== null || settable(a.name))
      .map((a) => `${a.namespaceURI ?? ''}|${a.name}=${JSON.stringify(a.value)}`)
      .sort();
    out.push(`<${el.namespaceURI} ${name} ${attrs.join(' ')}>${shape(el)}</>`);
  }
  return out.join('');
}

/** What jsdom's own fragment parsing (O(n²) in sibling count) makes of the same text. */
function templateParse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

const tricky = [
  '<td>a</td><td>b</td><tr><th>c</th></tr><caption>d</caption>',
  '<form><p>a</form>b<form><form>c</form></form>',
  '<p>a</template>b<template><p>c</template>d',
  '<noscript><p>x</p></noscript><noscript><table></noscript><p>y',
  '<svg><title>t</title><foreignObject><p>z</p></foreignObject><a xlink:href="https://e.org">l</a></svg><math><mi>x</mi></math>',
  '<x:p>ns</x:p><p a<b="1" c="2">d</p><image src="https://e.org/i.png">',
  '<html lang="x"><body class="y"><frameset><table><tr><td>1<table><td>2</table></table>',
  '<b><i>one</b>two</i><a href="https://e.org"><div>three</a></div>',
  '<select><option>a<p>b</select><textarea><p>c</textarea><plaintext><p>d',
];

describe('parseHtmlFragment', () => {
  it('builds the same tree as template.innerHTML for the XSS corpora and misnested markup', () => {
    const inputs = [...tricky, ...xssVectors()];
    expect(inputs.length).toBeGreaterThan(400);
    for (const html of inputs) {
      expect([html, shape(parseHtmlFragment(html, document))]).toEqual([html, shape(templateParse(html))]);
    }
  });

  it('reads 20,000 sibling elements, all of them, within the test time limit', () => {
    const html = '<div>x</div>'.repeat(20_000);
    const fragment = parseHtmlFragment(html, document);
    expect(fragment.childNodes).toHaveLength(20_000);
    expect(fragment.lastChild?.textContent).toBe('x');
  });
});
