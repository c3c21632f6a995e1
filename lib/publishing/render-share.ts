import { escapeHtml, isolate, renderDocument } from './render-document';
import { formatDay, ratingColourRule, renderShell, retractionNotice } from './page-shell';
import type { PublicationSnapshot, SnapshotClaim } from './snapshot';

const attribution = (c: SnapshotClaim) => [c.claimant, c.claimantRole].filter(Boolean).join(', ') || 'Unattributed';

/** The rating colour as the one <style> block the reader CSP allows by hash (the label carries the meaning). */
const ratingStyle = (c: SnapshotClaim) => `<style>${ratingColourRule('.rating', c.rating.colour)}</style>`;

/**
 * One claim's page, made to be shared: its own title and Open Graph card, the verdict and its sources,
 * and a canonical link to the fact-check that carries the ClaimReview (so the markup lives on one page).
 */
export function renderSharePage(
  s: PublicationSnapshot,
  c: SnapshotClaim,
  origin: string,
  retraction: { reason: string; at: Date } | null,
): string {
  const slug = s.article.slug;
  const canonical = `${origin}/a/${slug}`;
  const title = `${c.rating.label}: “${c.claimReviewed}” — fact-check by ${s.organisation.name}`;
  const description = `${attribution(c)}: ${c.shortVerdict}`;
  const og = [
    ['og:type', 'article'],
    ['og:title', title],
    ['og:description', description],
    ['og:url', `${origin}/a/${slug}/claims/${c.id}`],
    ['og:site_name', s.organisation.name],
    ...(s.organisation.logoUrl ? [['og:image', s.organisation.logoUrl]] : []),
    ['article:published_time', s.publishedAt],
  ]
    .map(([p, v]) => `<meta property="${p}" content="${escapeHtml(v ?? '')}">`)
    .join('');
  const sources = c.sources
    .map(
      (src) =>
        `<li><a href="${escapeHtml(src.url)}" rel="nofollow noopener">${isolate(src.title)}</a>${src.publisher ? `, ${isolate(src.publisher)}` : ''}</li>`,
    )
    .join('');
  return renderShell({
    title,
    organisation: s.organisation.name,
    lang: s.article.language,
    head:
      `<meta name="description" content="${escapeHtml(description)}"><link rel="canonical" href="${escapeHtml(canonical)}">${og}` +
      `<meta name="twitter:card" content="summary"><meta name="twitter:title" content="${escapeHtml(title)}"><meta name="twitter:description" content="${escapeHtml(description)}">` +
      ratingStyle(c),
    body:
      (retraction ? retractionNotice(slug, retraction) : '') +
      `<p class="kicker">Fact-check · ${isolate(s.article.title)}</p>` +
      `<article class="share-card"><h1>“${isolate(c.exact)}”</h1>` +
      `<p><span class="rating">${isolate(c.rating.label)}</span> ${isolate(c.shortVerdict)}</p>` +
      `<p class="meta">${isolate(attribution(c))}${c.claimDate ? ` · ${formatDay(c.claimDate)}` : ''} · checked by ${(s.factCheckers.length ? s.factCheckers : [s.organisation.name]).map(isolate).join(', ')}, ${formatDay(s.publishedAt)}</p>` +
      `<div class="explanation">${c.explanation ? renderDocument(c.explanation, { claims: new Map() }) : ''}</div>` +
      (sources ? `<h2>Sources</h2><ol class="sources">${sources}</ol>` : '') +
      `<p><a href="/a/${escapeHtml(slug)}#claim-${escapeHtml(c.id)}">Read the full fact-check</a></p></article>`,
  });
}

/**
 * The compact reader for partners' iframes: each verdict in a line, links open the full fact-check in a
 * new tab. No structured data (the canonical page has it).
 */
export function renderEmbedPage(
  s: PublicationSnapshot,
  origin: string,
  retraction: { reason: string; at: Date } | null,
): string {
  const slug = s.article.slug;
  const page = `${origin}/a/${slug}`;
  const colours = [...new Set(s.claims.map((c) => c.rating.colour))];
  const cls = (c: SnapshotClaim) => `r${colours.indexOf(c.rating.colour)}`;
  const css = colours.map((colour, i) => ratingColourRule(`.r${i}`, colour)).join('');
  const items = s.claims
    .map(
      (c) =>
        `<li><span class="rating ${cls(c)}">${isolate(c.rating.label)}</span> “${isolate(c.claimReviewed)}” — ${isolate(c.shortVerdict)} ` +
        `<a href="${escapeHtml(`${page}#claim-${c.id}`)}" target="_blank" rel="noopener">Why<span class="visually-hidden">: ${isolate(c.claimReviewed)}</span></a></li>`,
    )
    .join('');
  return renderShell({
    title: `Fact-check: ${s.article.title} — ${s.organisation.name}`,
    organisation: s.organisation.name,
    lang: s.article.language,
    bodyClass: 'embed',
    head: `<link rel="canonical" href="${escapeHtml(page)}"><style>${css}</style>`,
    body: retraction
      ? retractionNotice(slug, retraction)
      : `<h1 class="kicker">Fact-check: <a href="${escapeHtml(page)}" rel="noopener">${isolate(s.article.title)}</a></h1>` +
        `<ul class="embed-claims">${items}</ul><p class="meta">${s.claims.length} ${s.claims.length === 1 ? 'claim' : 'claims'} checked by ${isolate(s.organisation.name)}, ${formatDay(s.publishedAt)}</p>`,
  });
}

/** What readers of a retracted fact-check see at its address: the notice, the reason, the versions on record. */
export function renderRetractionPage(s: PublicationSnapshot, retraction: { reason: string; at: Date }): string {
  return renderShell({
    title: `Retracted: ${s.article.title} — ${s.organisation.name}`,
    organisation: s.organisation.name,
    head: '<meta name="robots" content="noindex">',
    body:
      `<p class="kicker">Fact-check · retracted</p><h1>${isolate(s.article.title)}</h1>` +
      retractionNotice(s.article.slug, retraction) +
      `<p>${s.organisation.correctionsPolicyUrl ? `<a href="${escapeHtml(s.organisation.correctionsPolicyUrl)}">Our corrections policy</a> · ` : ''}<a href="/a/${escapeHtml(s.article.slug)}/versions">Versions on record</a></p>`,
  });
}
