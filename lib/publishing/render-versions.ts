import { escapeHtml, isolate } from './render-document';
import { formatDay, renderShell, retractionNotice } from './page-shell';
import type { PublicationSnapshot, SnapshotClaim } from './snapshot';
import { diffText } from './text-diff';

interface VersionsListing {
  slug: string;
  title: string;
  versions: { number: number; publishedAt: Date; correctionNote: string | null }[];
  retractions: { reason: string; createdAt: Date }[];
  retraction: { reason: string; at: Date } | null;
}

function versionPicker(slug: string, count: number, from: number, to: number): string {
  const options = (selected: number) =>
    Array.from({ length: count }, (_, i) => i + 1)
      .map((n) => `<option value="${n}"${n === selected ? ' selected' : ''}>Version ${n}</option>`)
      .join('');
  return (
    `<form class="diff-form" method="get" action="/a/${escapeHtml(slug)}/diff">` +
    `<label>From <select name="from">${options(from)}</select></label><label>To <select name="to">${options(to)}</select></label>` +
    `<button type="submit">Compare</button></form>`
  );
}

/** Every version of a fact-check with its date and correction note, and a form to compare any two. */
export function renderVersionsPage(v: VersionsListing, organisation: string): string {
  const latest = v.versions.length;
  const items = v.versions
    .map(
      (p) =>
        `<li><a href="/a/${escapeHtml(v.slug)}/v/${p.number}">Version ${p.number}</a>${p.number === latest ? ' (latest)' : ''} · published ${formatDay(p.publishedAt)}` +
        (p.correctionNote ? `<br>Correction: ${isolate(p.correctionNote)}` : '') +
        (p.number > 1
          ? `<br><a href="/a/${escapeHtml(v.slug)}/diff?from=${p.number - 1}&amp;to=${p.number}">What changed from version ${p.number - 1}</a>`
          : '') +
        `</li>`,
    )
    .join('');
  const retractions = v.retractions
    .map((r) => `<li>Retracted on ${formatDay(r.createdAt)}: ${isolate(r.reason)}</li>`)
    .join('');
  return renderShell({
    title: `Versions: ${v.title} — ${organisation}`,
    organisation,
    head: `<link rel="canonical" href="/a/${escapeHtml(v.slug)}/versions">`,
    body:
      (v.retraction ? retractionNotice(v.slug, v.retraction) : '') +
      `<h1>Versions of “${isolate(v.title)}”</h1><ol class="versions">${items}</ol>` +
      (retractions ? `<h2>Retractions</h2><ul class="versions">${retractions}</ul>` : '') +
      (latest > 1 ? `<h2>Compare two versions</h2>${versionPicker(v.slug, latest, latest - 1, latest)}` : '') +
      `<p class="meta"><a href="/a/${escapeHtml(v.slug)}">Back to the fact-check</a></p>`,
  });
}

const CONTEXT = 80;

/**
 * A word diff of the article's text: removed words struck through, added ones underlined, long unchanged
 * runs shortened. Its cost is bounded (see `diffText`); a rewrite too large for it shows whole paragraphs.
 */
export function renderTextDiff(before: string, after: string): string {
  const { parts, isCoarse } = diffText(before, after);
  const html = parts.map((part, i) => {
    const text = part.value;
    if (part.added)
      return `<ins><span class="visually-hidden">[added: </span>${isolate(text)}<span class="visually-hidden">]</span></ins>`;
    if (part.removed)
      return `<del><span class="visually-hidden">[removed: </span>${isolate(text)}<span class="visually-hidden">]</span></del>`;
    const first = i === 0;
    const last = i === parts.length - 1;
    if (text.length <= CONTEXT * 2 + 20) return isolate(text);
    const head = first ? '' : text.slice(0, CONTEXT);
    const tail = last ? '' : text.slice(-CONTEXT);
    return `${head ? isolate(head) : ''}<span class="skip"> […] </span>${tail ? isolate(tail) : ''}`;
  });
  if (!parts.some((p) => p.added || p.removed)) return '<p>The text did not change.</p>';
  return (
    (isCoarse
      ? '<p class="meta">Some passages changed too much to compare word by word: they are shown whole, as removed and added.</p>'
      : '') + html.join('')
  );
}

type ClaimChange = { claim: SnapshotClaim; before: SnapshotClaim | null; after: SnapshotClaim | null };

function verdictCell(c: SnapshotClaim | null): string {
  if (!c) return '<td>—</td>';
  return `<td><strong>${isolate(c.rating.label)}</strong>: ${isolate(c.shortVerdict)}<br><span class="meta">${c.sources.length} ${c.sources.length === 1 ? 'source' : 'sources'}</span></td>`;
}

/** Claims whose verdict, rating, explanation or sources differ between two versions, or that came or went. */
export function verdictChanges(a: PublicationSnapshot, b: PublicationSnapshot): ClaimChange[] {
  const before = new Map(a.claims.map((c) => [c.id, c]));
  const after = new Map(b.claims.map((c) => [c.id, c]));
  const changes: ClaimChange[] = [];
  for (const c of b.claims) {
    const old = before.get(c.id) ?? null;
    const same =
      old &&
      old.rating.label === c.rating.label &&
      old.shortVerdict === c.shortVerdict &&
      JSON.stringify(old.explanation) === JSON.stringify(c.explanation) &&
      JSON.stringify(old.sources) === JSON.stringify(c.sources);
    if (!same) changes.push({ claim: c, before: old, after: c });
  }
  for (const c of a.claims) if (!after.has(c.id)) changes.push({ claim: c, before: c, after: null });
  return changes;
}

/** The readable difference between two versions: text changes inline, verdict changes side by side. */
export function renderDiffPage(
  a: PublicationSnapshot,
  b: PublicationSnapshot,
  latest: number,
  organisation: string,
  textDiff = renderTextDiff(a.article.plainText, b.article.plainText),
): string {
  const slug = a.article.slug;
  const changes = verdictChanges(a, b);
  const rows = changes
    .map(({ claim, before, after }) => {
      const what = !before ? 'Added' : !after ? 'Withdrawn' : 'Changed';
      return `<tr><th scope="row">“${isolate(claim.exact)}”<br><span class="meta">${what}</span></th>${verdictCell(before)}${verdictCell(after)}</tr>`;
    })
    .join('');
  return renderShell({
    title: `Changes from version ${a.number} to ${b.number}: ${b.article.title} — ${organisation}`,
    organisation,
    head: `<link rel="canonical" href="/a/${escapeHtml(slug)}/diff?from=${a.number}&amp;to=${b.number}"><meta name="robots" content="noindex">`,
    body:
      `<h1>Changes from version ${a.number} to version ${b.number}</h1>` +
      `<p class="meta">“${isolate(b.article.title)}” · <a href="/a/${escapeHtml(slug)}/v/${a.number}">version ${a.number}</a> (${formatDay(a.publishedAt)}) → ` +
      `<a href="/a/${escapeHtml(slug)}/v/${b.number}">version ${b.number}</a> (${formatDay(b.publishedAt)})</p>` +
      (b.correctionNote && b.number === a.number + 1
        ? `<aside class="correction" role="note"><strong>Correction note:</strong> ${isolate(b.correctionNote)}</aside>`
        : '') +
      versionPicker(slug, latest, a.number, b.number) +
      `<h2>Verdicts</h2>` +
      (rows
        ? `<table class="changes"><thead><tr><th scope="col">Claim</th><th scope="col">Version ${a.number}</th><th scope="col">Version ${b.number}</th></tr></thead><tbody>${rows}</tbody></table>`
        : '<p>No verdict changed.</p>') +
      `<h2>Text</h2><div class="diff-text">${textDiff}</div>` +
      `<p class="meta"><a href="/a/${escapeHtml(slug)}/versions">All versions</a></p>`,
  });
}
