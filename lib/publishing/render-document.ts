import { isMediaSrc } from '@/lib/editor/figure';
import type { SnapshotClaim } from './snapshot';

interface PMMark {
  type: string;
  attrs?: Record<string, unknown>;
}
interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: PMMark[];
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** User text inside page text, escaped and bidi-isolated: its direction controls (U+202E…) cannot reorder what surrounds it. */
export const isolate = (s: string) => `<bdi>${escapeHtml(s)}</bdi>`;
const isHttp = (href: unknown): href is string => typeof href === 'string' && /^https?:\/\//i.test(href);

export interface RenderOptions {
  /** Published claims by id; claim marks of other claims are dropped. */
  claims: ReadonlyMap<string, SnapshotClaim>;
  /** Markup placed after the last words of each claim (its rating label and popover). */
  afterClaim?: (claim: SnapshotClaim) => string;
}

/**
 * Renders editor JSON to HTML for readers, without a DOM or React: only the schema's nodes and marks,
 * text escaped, links http(s) only. Each published claim's words are a <mark>, and `afterClaim` is
 * inserted after the claim's last words.
 */
export function renderDocument(doc: unknown, options: RenderOptions): string {
  const lastTextOf = new Map<string, PMNode>();
  const walk = (node: PMNode) => {
    if (node.type === 'text') {
      for (const m of node.marks ?? []) if (m.type === 'claim' && typeof m.attrs?.id === 'string' && options.claims.has(m.attrs.id)) lastTextOf.set(m.attrs.id, node);
    }
    node.content?.forEach(walk);
  };
  walk(doc as PMNode);

  const text = (node: PMNode): string => {
    let html = escapeHtml(node.text ?? '');
    const claimIds: string[] = [];
    for (const mark of [...(node.marks ?? [])].reverse()) {
      if (mark.type === 'bold') html = `<strong>${html}</strong>`;
      else if (mark.type === 'italic') html = `<em>${html}</em>`;
      else if (mark.type === 'link' && isHttp(mark.attrs?.href)) html = `<a href="${escapeHtml(mark.attrs.href)}" rel="nofollow noopener">${html}</a>`;
      else if (mark.type === 'claim' && typeof mark.attrs?.id === 'string' && options.claims.has(mark.attrs.id)) {
        html = `<mark class="claim" data-claim-id="${escapeHtml(mark.attrs.id)}">${html}</mark>`;
        claimIds.push(mark.attrs.id);
      }
    }
    for (const id of claimIds) {
      const claim = options.claims.get(id);
      if (claim && lastTextOf.get(id) === node && options.afterClaim) html += options.afterClaim(claim);
    }
    return html;
  };

  const span = (value: unknown, name: string) => (Number.isInteger(value) && (value as number) > 1 ? ` ${name}="${value as number}"` : '');
  // A header cell heads its column when its whole row is headers, else its row.
  const renderCell = (cell: PMNode, row: PMNode): string => {
    const attrs = span(cell.attrs?.colspan, 'colspan') + span(cell.attrs?.rowspan, 'rowspan');
    const inner = (cell.content ?? []).map(render).join('');
    if (cell.type !== 'tableHeader') return `<td${attrs}>${inner}</td>`;
    const scope = (row.content ?? []).every((c) => c.type === 'tableHeader') ? 'col' : 'row';
    return `<th scope="${scope}"${attrs}>${inner}</th>`;
  };

  const render = (node: PMNode): string => {
    const inner = () => (node.content ?? []).map(render).join('');
    switch (node.type) {
      case 'doc':
        return inner();
      case 'paragraph':
        return `<p>${inner()}</p>`;
      case 'heading': {
        const level = Math.min(4, Math.max(2, Number(node.attrs?.level) || 2));
        return `<h${level}>${inner()}</h${level}>`;
      }
      case 'blockquote':
        return `<blockquote>${inner()}</blockquote>`;
      case 'bulletList':
        return `<ul>${inner()}</ul>`;
      case 'orderedList':
        return `<ol>${inner()}</ol>`;
      case 'listItem':
        return `<li>${inner()}</li>`;
      case 'hardBreak':
        return '<br>';
      case 'horizontalRule':
        return '<hr>';
      case 'table':
        // Wide tables scroll inside their own focusable region instead of widening the page.
        return `<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>${inner()}</table></div>`;
      case 'tableRow':
        return `<tr>${(node.content ?? []).map((cell) => renderCell(cell, node)).join('')}</tr>`;
      case 'figure': {
        // Only Factmark's own media: an image served by /media/{id}, public once this publication shows it.
        if (!isMediaSrc(node.attrs?.src)) return '';
        const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
        const caption = typeof node.attrs.caption === 'string' && node.attrs.caption ? `<figcaption>${escapeHtml(node.attrs.caption)}</figcaption>` : '';
        return `<figure><img src="${node.attrs.src}" alt="${escapeHtml(alt)}" loading="lazy">${caption}</figure>`;
      }
      case 'text':
        return text(node);
      default:
        return inner();
    }
  };
  return render(doc as PMNode);
}

