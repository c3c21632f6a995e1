import type { JSONContent } from '@tiptap/core';
import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import { renderToHTMLString, serializeChildrenToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { editorExtensions } from '@/lib/editor/extensions';
import { editorSchema } from '@/lib/editor/schema';
import { isMediaSrc } from '@/lib/editor/figure';
import type { SnapshotClaim } from './snapshot';

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** User text inside page text, escaped and bidi-isolated: its direction controls (U+202E…) cannot reorder what surrounds it. */
export const isolate = (s: string) => `<bdi>${escapeHtml(s)}</bdi>`;
const isHttp = (href: unknown): href is string => typeof href === 'string' && /^https?:\/\//i.test(href);

interface RenderOptions {
  /** Published claims by id; claim marks of other claims are dropped. */
  claims: ReadonlyMap<string, SnapshotClaim>;
  /** Markup placed after the last words of each claim (its rating label and popover). */
  afterClaim?: (claim: SnapshotClaim) => string;
}

type Children = string | string[] | undefined;
const joined = (children: Children) => serializeChildrenToHTMLString(children);
const claimIdOf = (mark: PMMark): string | null =>
  mark.type.name === 'claim' && typeof mark.attrs.id === 'string' ? mark.attrs.id : null;
const span = (value: unknown, name: string) =>
  Number.isInteger(value) && (value as number) > 1 ? ` ${name}="${value as number}"` : '';

/**
 * Renders editor JSON to HTML for readers with `@tiptap/static-renderer` over the editor's own extension list
 * (lib/editor/extensions.ts), so every node and mark of the schema renders by its extension's `renderHTML`.
 * Published-page contracts are mapped here: each published claim's words are a <mark> (marks of other claims
 * are dropped) with `afterClaim` inserted after the claim's last words; links are http(s) only; tables scroll
 * in their own region with scoped header cells. No DOM, no React; text is escaped.
 */
export function renderDocument(doc: unknown, options: RenderOptions): string {
  const content = editorSchema().nodeFromJSON(doc as JSONContent);
  const lastTextOf = new Map<string, PMNode>();
  content.descendants((node) => {
    if (node.isText)
      for (const mark of node.marks) {
        const id = claimIdOf(mark);
        if (id && options.claims.has(id)) lastTextOf.set(id, node);
      }
    return true;
  });

  // A header cell heads its column when its whole row is headers, else its row.
  const cell = ({ node, parent, children }: { node: PMNode; parent?: PMNode; children?: Children }) => {
    const attrs = span(node.attrs.colspan, 'colspan') + span(node.attrs.rowspan, 'rowspan');
    if (node.type.name !== 'tableHeader') return `<td${attrs}>${joined(children)}</td>`;
    let wholeRow = true;
    parent?.forEach((c) => (wholeRow &&= c.type.name === 'tableHeader'));
    return `<th scope="${wholeRow ? 'col' : 'row'}"${attrs}>${joined(children)}</th>`;
  };

  return renderToHTMLString({
    content,
    extensions: editorExtensions,
    options: {
      nodeMapping: {
        text: ({ node }) => escapeHtml(node.text ?? ''),
        heading: ({ node, children }) => {
          const level = Math.min(4, Math.max(2, Number(node.attrs.level) || 2));
          return `<h${level}>${joined(children)}</h${level}>`;
        },
        hardBreak: () => '<br>',
        horizontalRule: () => '<hr>',
        // Wide tables scroll inside their own focusable region instead of widening the page.
        table: ({ children }) =>
          `<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>${joined(children)}</table></div>`,
        tableRow: ({ children }) => `<tr>${joined(children)}</tr>`,
        tableHeader: cell,
        tableCell: cell,
        // Only Factmark's own media: an image served by /media/{id}, public once this publication shows it.
        figure: ({ node }) => {
          const src: unknown = node.attrs.src;
          if (!isMediaSrc(src)) return '';
          const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
          const caption =
            typeof node.attrs.caption === 'string' && node.attrs.caption
              ? `<figcaption>${escapeHtml(node.attrs.caption)}</figcaption>`
              : '';
          return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy">${caption}</figure>`;
        },
      },
      markMapping: {
        link: ({ mark, children }) =>
          isHttp(mark.attrs.href)
            ? `<a href="${escapeHtml(mark.attrs.href)}" rel="nofollow noopener">${joined(children)}</a>`
            : joined(children),
        claim: ({ mark, node, children }) => {
          const id = claimIdOf(mark);
          const html =
            id && options.claims.has(id)
              ? `<mark class="claim" data-claim-id="${escapeHtml(id)}">${joined(children)}</mark>`
              : joined(children);
          // Claims rank last among the schema's marks, so the node's last claim mark wraps all its other marks:
          // what follows the claims that end on these words goes after it, outside every mark.
          const claimMarks = node.marks.filter((m) => claimIdOf(m) !== null);
          if (claimMarks.at(-1) !== mark || !options.afterClaim) return html;
          const after = claimMarks
            .map(claimIdOf)
            .reverse()
            .map((cid) => (cid !== null && lastTextOf.get(cid) === node ? options.claims.get(cid) : undefined))
            .map((claim) => (claim && options.afterClaim ? options.afterClaim(claim) : ''));
          return html + after.join('');
        },
      },
    },
  });
}
