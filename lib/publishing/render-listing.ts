import { claimsChecked, formatDay as day, renderShell } from './page-shell';
import { escapeHtml, isolate } from './render-document';
import { publishedSearchForm } from './render-search';

interface ListedFactCheck {
  title: string;
  slug: string;
  publishedAt: Date;
  version: number;
  claimCount: number;
}

/** The public list of fact-checks (/a), plain HTML like the reader pages, with links to the next page and the feed. */
export function renderListing(items: ListedFactCheck[], page: number, hasMore: boolean, organisation: string): string {
  const list = items
    .map(
      (a) =>
        `<li><a href="/a/${escapeHtml(a.slug)}">${isolate(a.title)}</a> <span class="meta">${claimsChecked(a.claimCount)} · ${day(a.publishedAt)}${a.version > 1 ? ` · version ${a.version}` : ''}</span></li>`,
    )
    .join('');
  const nav = [
    page > 1 ? `<a href="/a?page=${page - 1}" rel="prev">Newer</a>` : '',
    hasMore ? `<a href="/a?page=${page + 1}" rel="next">Older</a>` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return renderShell({
    title: `Fact-checks — ${organisation}`,
    organisation,
    head: '<link rel="alternate" type="application/atom+xml" title="Fact-checks" href="/a/feed.xml">',
    body:
      `<h1>Fact-checks</h1>${publishedSearchForm()}` +
      (items.length === 0 ? '<p>Nothing has been published yet.</p>' : `<ul class="listing">${list}</ul>`) +
      `<p class="meta">${nav}${nav ? ' · ' : ''}<a href="/a/feed.xml">Atom feed</a></p>`,
  });
}

// XML 1.0 allows tab, LF and CR of the C0 controls, and no U+FFFE, U+FFFF or unpaired surrogate: one such character
// in a title would make the whole feed unreadable to every reader of it.
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML: characters XML 1.0 cannot carry removed, markup characters escaped. */
const xmlText = (s: string): string => escapeHtml(s.replace(XML_INVALID, ''));

/** An Atom feed of the latest fact-checks: well-formed whatever characters the titles hold. */
export function renderAtomFeed(items: ListedFactCheck[], origin: string, organisation: string): string {
  const updated = (items[0]?.publishedAt ?? new Date(0)).toISOString();
  const entries = items
    .map(
      (a) =>
        `<entry><title>${xmlText(a.title)}</title><link href="${xmlText(`${origin}/a/${a.slug}`)}"/>` +
        `<id>${xmlText(`${origin}/a/${a.slug}`)}</id><updated>${a.publishedAt.toISOString()}</updated>` +
        `<summary>${claimsChecked(a.claimCount)}${a.version > 1 ? `; version ${a.version}` : ''}</summary></entry>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlText(organisation)}: fact-checks</title>` +
    `<link href="${xmlText(`${origin}/a/feed.xml`)}" rel="self"/><link href="${xmlText(`${origin}/a`)}"/><id>${xmlText(`${origin}/a`)}</id>` +
    `<updated>${updated}</updated><author><name>${xmlText(organisation)}</name></author>${entries}</feed>`
  );
}
