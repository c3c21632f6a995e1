import { Node } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';

/** An image Factmark stores and serves itself: `/media/{uuid}`. No other address is ever an image's source. */
const MEDIA_SRC = /^\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** True only for Factmark's own media addresses (`/media/{uuid}`). */
export const isMediaSrc = (value: unknown): value is string => typeof value === 'string' && MEDIA_SRC.test(value);

/** The stored media's id in a media address, or null. */
export const mediaIdOf = (src: unknown): string | null =>
  typeof src === 'string' ? (MEDIA_SRC.exec(src)?.[1] ?? null) : null;

/** The media address of a stored image. */
export const mediaSrc = (id: string): string => `/media/${id}`;

export const MAX_ALT_CHARS = 300;
export const MAX_CAPTION_CHARS = 1000;

const clip = (value: string | null | undefined, max: number): string => {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function figureAttrs(element: HTMLElement): { src: string; alt: string; caption: string } | false {
  const img = element.localName === 'img' ? element : element.querySelector('img');
  const src = img?.getAttribute('src')?.trim();
  if (!img || !isMediaSrc(src)) return false;
  const caption = element.localName === 'figure' ? element.querySelector('figcaption')?.textContent : '';
  return { src, alt: clip(img.getAttribute('alt'), MAX_ALT_CHARS), caption: clip(caption, MAX_CAPTION_CHARS) };
}

/**
 * An image stored by Factmark with its alt text and an optional caption, shown as `<figure><img alt>
 * <figcaption>`. Only Factmark's own media addresses parse or render: pasted or imported images from
 * elsewhere are fetched and stored first (see lib/importing/import-images.ts) or left out with a notice.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: { default: null },
      alt: { default: '' },
      caption: { default: '' },
    };
  },

  parseHTML() {
    return [
      { tag: 'figure', getAttrs: (element) => figureAttrs(element) },
      { tag: 'img[src]', getAttrs: (element) => figureAttrs(element) },
    ];
  },

  renderHTML({ node }) {
    const { src, alt, caption } = node.attrs as { src: unknown; alt: unknown; caption: unknown };
    const img = [
      'img',
      { src: isMediaSrc(src) ? src : '', alt: typeof alt === 'string' ? alt : '', loading: 'lazy' },
    ] as const;
    return typeof caption === 'string' && caption
      ? ['figure', {}, img, ['figcaption', {}, caption]]
      : ['figure', {}, img];
  },
});

/** Why a figure cannot be stored (its source is not Factmark's own media address, or its texts are too long), or null. */
export function figureProblem(node: PMNode): string | null {
  const { src, alt, caption } = node.attrs as { src: unknown; alt: unknown; caption: unknown };
  if (!isMediaSrc(src)) return 'An image must be one Factmark stores (/media/…).';
  if (
    typeof alt !== 'string' ||
    alt.length > MAX_ALT_CHARS ||
    typeof caption !== 'string' ||
    caption.length > MAX_CAPTION_CHARS
  ) {
    return `An image's alt text holds at most ${MAX_ALT_CHARS} characters and its caption ${MAX_CAPTION_CHARS}.`;
  }
  return null;
}
