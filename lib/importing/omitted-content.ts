import type { OmittedItem } from '@/lib/validation/articles';

/** At most this many left-out items are listed: a page of a thousand icons needs no thousand-line notice. */
export const MAX_OMITTED = 100;

const KIND_OF: Record<string, OmittedItem['kind']> = {
  img: 'image',
  picture: 'image',
  video: 'video',
  audio: 'audio',
  iframe: 'frame',
  embed: 'embed',
  object: 'embed',
  svg: 'graphic',
  canvas: 'graphic',
};

const clip = (value: string | null | undefined, max: number): string | null => {
  const text = value?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/** An element's web address when it is one (http or https); embedded data (a .docx's images) has none to show. */
const webAddress = (value: string | null | undefined): string | null =>
  value && /^https?:\/\//i.test(value.trim()) ? clip(value, 500) : null;

/**
 * What an import leaves out for this element, if it is media the editor's schema cannot hold: its kind, its
 * alt text or title, and its address. Elements inside an already-listed one (a picture's img) are not asked.
 */
export function omittedItem(element: Element): OmittedItem | null {
  const kind = KIND_OF[element.localName];
  if (!kind) return null;
  const inner = element.localName === 'picture' ? element.querySelector('img') : null;
  const source = element.querySelector('source');
  const description =
    clip((inner ?? element).getAttribute('alt'), 300) ??
    clip(element.getAttribute('title') ?? element.getAttribute('aria-label'), 300) ??
    (element.localName === 'svg' ? clip(element.querySelector('title')?.textContent, 300) : null);
  const url =
    webAddress((inner ?? element).getAttribute('src')) ??
    webAddress(element.getAttribute('data')) ??
    webAddress(source?.getAttribute('src'));
  return { kind, description, url };
}

const NOUNS: Record<OmittedItem['kind'], [string, string]> = {
  image: ['image', 'images'],
  video: ['video', 'videos'],
  audio: ['audio clip', 'audio clips'],
  frame: ['embedded frame', 'embedded frames'],
  embed: ['embedded object', 'embedded objects'],
  graphic: ['graphic', 'graphics'],
};

/** "2 images and 1 video": the left-out items counted by kind, for a notice. */
export function omittedSummary(items: readonly OmittedItem[]): string {
  const counts = new Map<OmittedItem['kind'], number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${NOUNS[kind][n === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
