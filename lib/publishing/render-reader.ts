import { createHash } from 'node:crypto';
import { escapeHtml, isolate, renderDocument } from './render-document';
import { claimReviews, jsonLdBlock } from './claim-review';
import { claimsChecked, formatDay as date, ratingColourRule, renderShell } from './page-shell';
import { textDirection } from '@/lib/i18n/locales';
import type { PublicationSnapshot, SnapshotClaim } from './snapshot';

/** The marker replaced when a version is served, with the notice that a newer version exists. */
export const NOTICE_SLOT = '<!--factmark:notice-->';
/** Structured data between these markers is served on the latest version only (one page per ClaimReview). */
export const JSONLD_START = '<!--factmark:jsonld-->';
export const JSONLD_END = '<!--/factmark:jsonld-->';

function ratingClasses(claims: SnapshotClaim[]): Map<string, string> {
  const labels = [...new Set(claims.map((c) => c.rating.label))];
  return new Map(labels.map((label, i) => [label, `rating-${i}`]));
}

function plainExplanation(doc: unknown): string {
  return renderDocument(doc, { claims: new Map() });
}

/** A claim's sources as the reader page lists them (`<li>` items of its `<ol class="sources">`); the review screen shows the same. */
export function renderSourceItems(claimId: string, sources: SnapshotClaim['sources']): string {
  return sources
    .map(
      (src, i) =>
        `<li id="claim-${escapeHtml(claimId)}-source-${i + 1}"><a href="${escapeHtml(src.url)}" rel="nofollow noopener">${isolate(src.title)}</a>` +
        `${src.publisher ? `, ${isolate(src.publisher)}` : ''}${src.publishedAt ? `, ${date(src.publishedAt)}` : ''}` +
        `${src.accessedAt ? ` (accessed ${date(src.accessedAt)})` : ''}${src.archivedUrl ? ` — <a href="${escapeHtml(src.archivedUrl)}" rel="nofollow noopener">archived copy</a>` : ''}` +
        `${src.excerpt ? `<blockquote>${isolate(src.excerpt)}</blockquote>` : ''}</li>`,
    )
    .join('');
}

/**
 * The complete reader page of a version: static HTML with no script (popovers need none), rendered once
 * at publication and served as is. Rating colours live in one <style> block the CSP allows by hash.
 */
export function renderReaderPage(s: PublicationSnapshot, origin: string, publicationId?: string): string {
  const counts = new Map<string, { n: number; first: string }>();
  for (const c of s.claims) {
    const entry = counts.get(c.rating.label) ?? { n: 0, first: c.id };
    entry.n++;
    counts.set(c.rating.label, entry);
  }
  const classes = ratingClasses(s.claims);
  const barCss = [...counts.values()].map(({ n }, i) => `.bar-${i}{flex-grow:${n}}`).join('');
  const css =
    barCss +
    [...classes.entries()]
      .map(([label, cls]) => {
        return ratingColourRule(`.${cls}`, s.claims.find((c) => c.rating.label === label)?.rating.colour ?? '');
      })
      .join('');
  const byId = new Map(s.claims.map((c) => [c.id, c]));
  const cls = (c: SnapshotClaim) => classes.get(c.rating.label) ?? '';
  const body = renderDocument(s.article.content, {
    claims: byId,
    afterClaim: (c) =>
      `<button type="button" class="verdict-label ${cls(c)}" popovertarget="pop-${c.id}" aria-describedby="claim-${c.id}-title">${isolate(c.rating.label)}</button>` +
      `<span popover id="pop-${c.id}" class="verdict-popover"><strong>${isolate(c.rating.label)}</strong>: ${isolate(c.shortVerdict)}` +
      `<span class="who">${[c.claimant, c.claimantRole]
        .filter((x): x is string => !!x)
        .map(isolate)
        .join(', ')}${c.claimDate ? `, ${date(c.claimDate)}` : ''}</span>` +
      `<a href="#claim-${c.id}">Full explanation and sources</a></span>`,
  });

  const summaryWords = [...counts.entries()].map(([label, { n }]) => `${n} ${label.toLowerCase()}`).join(', ');
  const org = s.organisation;
  const link = (href: string | null, text: string) =>
    href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : '';

  const verdicts = s.claims
    .map((c) => {
      const sources = renderSourceItems(c.id, c.sources);
      return (
        `<article class="verdict" id="claim-${c.id}"><h3 id="claim-${c.id}-title">“${isolate(c.exact)}”</h3>` +
        `<p><span class="rating ${cls(c)}">${isolate(c.rating.label)}</span> ${isolate(c.shortVerdict)}</p>` +
        `<p class="meta">${
          [c.claimant, c.claimantRole]
            .filter((x): x is string => !!x)
            .map(isolate)
            .join(', ') || 'Unattributed'
        }${c.claimDate ? ` · ${date(c.claimDate)}` : ''}${c.appearanceUrl ? ` · ${link(c.appearanceUrl, 'where it was said')}` : ''} · <a href="#claim-${c.id}">permalink</a> · <a href="/a/${escapeHtml(s.article.slug)}/claims/${c.id}">share</a></p>` +
        `<div class="explanation">${c.explanation ? plainExplanation(c.explanation) : ''}</div>` +
        (c.alsoChecked?.length
          ? `<p class="also-checked">Also checked: ${c.alsoChecked.map((o) => `<a href="/a/${escapeHtml(o.slug)}#claim-${escapeHtml(o.claimId)}">“${isolate(o.claimReviewed)}”</a> (${isolate(o.title)})`).join('; ')}</p>`
          : '') +
        `<h4>Sources</h4><ol class="sources">${sources}</ol></article>`
      );
    })
    .join('');

  const a = s.article;
  return renderShell({
    title: `Fact-check: ${a.title} — ${org.name}`,
    organisation: org.name,
    head:
      `<meta name="description" content="${escapeHtml(`${claimsChecked(s.claims.length)}: ${summaryWords}`)}">` +
      `<meta property="og:title" content="${escapeHtml(`Fact-check: ${a.title}`)}"><meta property="og:type" content="article">` +
      `<link rel="canonical" href="${escapeHtml(origin)}/a/${escapeHtml(a.slug)}"><style>${css}</style>` +
      (publicationId
        ? `<link rel="alternate" type="application/ld+json" title="W3C Web Annotations" href="/api/v1/publications/${escapeHtml(publicationId)}/annotations">`
        : '') +
      `${JSONLD_START}<script type="application/ld+json">${jsonLdBlock(claimReviews(s, origin))}</script>${JSONLD_END}`,
    body:
      NOTICE_SLOT +
      (s.correctionNote
        ? `<aside class="correction" role="note"><strong>Corrected on ${date(s.publishedAt)}.</strong> ${isolate(s.correctionNote)} <a href="/a/${escapeHtml(a.slug)}/v/${s.number - 1}">Previous version</a> · <a href="/a/${escapeHtml(a.slug)}/diff?from=${s.number - 1}&amp;to=${s.number}">What changed</a></aside>`
        : '') +
      `<p class="kicker">Fact-check · version ${s.number}</p><h1>${isolate(a.title)}</h1>` +
      `<p class="meta">Fact-checked by ${(s.factCheckers.length ? s.factCheckers : [org.name]).map(isolate).join(', ')} · published ${date(s.publishedAt)}` +
      `${a.sourceUrl ? ` · ${link(a.sourceUrl, 'original article')}` : ''}${a.publisher ? ` (${isolate(a.publisher)})` : ''}${a.originalPublishedAt ? `, ${date(a.originalPublishedAt)}` : ''}</p>` +
      `<section class="summary" aria-labelledby="summary-title"><h2 id="summary-title">${s.claims.length} ${s.claims.length === 1 ? 'claim' : 'claims'} checked: ${[...counts.entries()].map(([label, { n }]) => `${n} ${isolate(label.toLowerCase())}`).join(', ')}</h2>` +
      `<ul class="rating-bar">${[...counts.entries()].map(([label, { n, first }], i) => `<li class="bar-${i} ${classes.get(label) ?? ''}"><a href="#claim-${first}">${isolate(label)}: ${n}</a></li>`).join('')}</ul></section>` +
      `<article class="text" lang="${escapeHtml(a.language)}" dir="${textDirection(a.language)}">${body}</article>` +
      `<section class="verdicts" aria-labelledby="verdicts-title"><h2 id="verdicts-title">The verdicts</h2>${verdicts}</section>` +
      `<footer class="about">${[link(org.methodologyUrl, 'How we fact-check'), '<a href="/ratings">Our rating scale</a>', link(org.correctionsPolicyUrl, 'Corrections policy'), `<a href="/a/${escapeHtml(a.slug)}/versions">All versions</a>`].filter(Boolean).join(' · ')}</footer>`,
  });
}

export interface ReaderCspOptions {
  /** Pages with a GET form (the version picker) may submit it to this site. */
  allowForms?: boolean;
  /** Origins allowed to frame the page (the embed); every other page may not be framed. */
  frameAncestors?: string[];
}

/** The reader page's Content-Security-Policy: no script at all, and only its own rating <style> block. */
export function readerCsp(html: string, options: ReaderCspOptions = {}): string {
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(style).digest('base64');
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src 'self' 'sha256-${hash}'`,
    "img-src 'self' https:",
    "base-uri 'none'",
    options.allowForms ? "form-action 'self'" : "form-action 'none'",
    `frame-ancestors ${options.frameAncestors?.length ? options.frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}
