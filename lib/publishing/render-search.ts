import { claimsChecked, formatDay as day, renderShell } from './page-shell';
import { escapeHtml, isolate } from './render-document';

export interface PublishedSearchHit {
  title: string;
  slug: string;
  publishedAt: Date;
  version: number;
  claimCount: number;
  /** Claims of that version whose words match, as published. */
  claims: { id: string; text: string; rating: string }[];
}

/** The search form of the public list; a plain GET form, so it works without script. */
export const publishedSearchForm = (q = ''): string =>
  `<form action="/a" method="get" role="search" class="search"><label for="q">Search the fact-checks</label> ` +
  `<input id="q" type="search" name="q" maxlength="200" value="${escapeHtml(q)}"> <button type="submit">Search</button></form>`;

/** /a?q=: published fact-checks matching the words, plain HTML without script. */
export function renderPublishedSearch(
  q: string,
  items: PublishedSearchHit[],
  page: number,
  hasMore: boolean,
  organisation: string,
  problem?: string,
): string {
  const list = items
    .map(
      (a) =>
        `<li><a href="/a/${escapeHtml(a.slug)}">${isolate(a.title)}</a> <span class="meta">${claimsChecked(a.claimCount)} · ${day(a.publishedAt)}</span>` +
        (a.claims.length
          ? `<ul>${a.claims.map((c) => `<li><a href="/a/${escapeHtml(a.slug)}#claim-${escapeHtml(c.id)}">“${isolate(c.text)}”</a> <span class="meta">${isolate(c.rating)}</span></li>`).join('')}</ul>`
          : '') +
        '</li>',
    )
    .join('');
  const base = `/a?q=${encodeURIComponent(q)}`;
  const nav = [
    page > 1 ? `<a href="${escapeHtml(`${base}&page=${page - 1}`)}" rel="prev">Previous</a>` : '',
    hasMore ? `<a href="${escapeHtml(`${base}&page=${page + 1}`)}" rel="next">More results</a>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return renderShell({
    title: `Search: ${q} — ${organisation}`,
    organisation,
    head: '<meta name="robots" content="noindex">',
    body:
      `<h1>Search the fact-checks</h1>${publishedSearchForm(q)}` +
      (problem
        ? `<p class="problem">${escapeHtml(problem)}</p>`
        : items.length === 0
          ? `<p>No published fact-check matches “${isolate(q)}”.</p>`
          : `<ul class="listing">${list}</ul>`) +
      `<p class="meta">${nav}${nav ? ' · ' : ''}<a href="/a">All fact-checks</a></p>`,
  });
}
