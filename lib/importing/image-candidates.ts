import { mediaSrc } from '@/lib/editor/figure';

/** At most this many images are fetched and stored per import; the rest are listed as left out. */
export const MAX_IMAGES_PER_IMPORT = 20;

/**
 * An image an import wants to keep: the document already holds a figure pointing at `/media/{id}`; the
 * server fetches (or decodes) `source` and stores it under that id, or removes the figure and lists the
 * image as left out.
 */
export interface ImageCandidate {
  id: string;
  alt: string;
  /** An absolute http(s) address, or (from a .docx only) a data: URL of the embedded image. */
  source: string;
  /** How many left-out items came before it: a refused image is listed in its place in the document. */
  at: number;
}

export interface ImageOptions {
  /** Collects the images to keep; without it every image is left out, as before figures existed. */
  images: ImageCandidate[];
  /** Embedded images (data: URLs) are kept only from a .docx; a pasted page's are left out. */
  allowData?: boolean;
}

const isHttp = (value: string) => /^https?:\/\/\S+$/i.test(value);
const isDataImage = (value: string) => /^data:image\/[a-z0-9.+-]+;base64,/i.test(value);

/**
 * For an `img`, a `picture` or a `figure` holding one image: a `<figure><img><figcaption>` pointing at a
 * new media id, recording the image to fetch; null when the element is not an image to keep (its address
 * is not http(s), the import already holds MAX_IMAGES_PER_IMPORT, a figure holds several images).
 */
export function imageFigure(
  element: Element,
  document: Document,
  options: ImageOptions,
  omittedSoFar: number,
): Element | null {
  const tag = element.localName;
  if (tag !== 'img' && tag !== 'picture' && tag !== 'figure') return null;
  const imgs = tag === 'img' ? [element] : [...element.querySelectorAll('img')];
  const img = imgs[0];
  if (
    !img ||
    imgs.length !== 1 ||
    (tag === 'figure' && element.querySelector('video, audio, iframe, object, embed, svg'))
  )
    return null;
  const source = img.getAttribute('src')?.trim() ?? '';
  if (!isHttp(source) && !(options.allowData && isDataImage(source))) return null;
  if (options.images.length >= MAX_IMAGES_PER_IMPORT) return null;
  const id = crypto.randomUUID();
  const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
  options.images.push({ id, alt, source, at: omittedSoFar });
  const figure = document.createElement('figure');
  const copy = document.createElement('img');
  copy.setAttribute('src', mediaSrc(id));
  copy.setAttribute('alt', alt);
  figure.appendChild(copy);
  const caption = tag === 'figure' ? element.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() : '';
  if (caption) {
    const figcaption = document.createElement('figcaption');
    figcaption.textContent = caption;
    figure.appendChild(figcaption);
  }
  return figure;
}
