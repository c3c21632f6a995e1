import { escapeHtml, isolate } from './render-document';

/** A CSS rule giving `selector` a rating's colour (white text on it); anything but #rrggbb falls back to grey. */
export const ratingColourRule = (selector: string, colour: string): string =>
  `${selector}{background:${/^#[0-9a-f]{6}$/i.test(colour) ? colour : '#4b5563'};color:#fff}`;

/** A date as readers see it on published pages ("27 November 2026"), in UTC so every instance agrees. */
/** "1 claim checked", "3 claims checked": the same words as the front page's message `home.claimCount`. */
export const claimsChecked = (count: number): string =>
  count === 0 ? 'no claims checked' : count === 1 ? '1 claim checked' : `${count} claims checked`;

export const formatDay = (value: string | Date | null): string =>
  value
    ? new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : '';

interface ShellOptions {
  title: string;
  organisation: string;
  /** Extra markup for <head> (canonical link, Open Graph, one <style> block). */
  head?: string;
  body: string;
  bodyClass?: string;
  lang?: string;
}

/** The frame of every script-free public page: reader stylesheet, site header, main landmark. */
export function renderShell(o: ShellOptions): string {
  return (
    `<!doctype html><html lang="${escapeHtml(o.lang ?? 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(o.title)}</title><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/tokens.css"><link rel="stylesheet" href="/reader.css">${o.head ?? ''}</head>` +
    `<body${o.bodyClass ? ` class="${o.bodyClass}"` : ''}><header class="site"><a href="/">${isolate(o.organisation)}</a></header><main id="main">${o.body}</main></body></html>`
  );
}

/** The notice shown on every page of a retracted fact-check. */
export function retractionNotice(slug: string, retraction: { reason: string; at: Date | string }): string {
  return (
    `<aside class="retracted" role="note"><strong>Retracted on ${formatDay(retraction.at)}.</strong> ${isolate(retraction.reason)} ` +
    `<a href="/a/${escapeHtml(slug)}/versions">All versions remain on record</a>.</aside>`
  );
}
