import { isMediaSrc } from '@/lib/editor/figure';
import { MAX_OMITTED, omittedItem } from '@/lib/importing/omitted-content';
import type { OmittedItem } from '@/lib/validation/articles';

const MEDIA = 'img, picture, video, audio, iframe, embed, object, svg, canvas';
// A paste with no media tag at all (most of them) is not parsed a second time (<image> is parsed as an <img>).
const MAY_HOLD_MEDIA = /<(?:img|image|picture|video|audio|iframe|embed|object|svg|canvas)\b/i;

/**
 * What a paste (or a drop) leaves out of the article: the media in its HTML the editor's schema cannot hold (every
 * image but Factmark's own stored ones, video, audio, frames, embeds, graphics) and image files on the clipboard.
 * Inner parts of a listed item (a picture's img, a video's sources) are not listed again.
 */
export function pastedOmissions(
  html: string | null,
  files: readonly { name: string; type: string }[] = [],
): OmittedItem[] {
  const items: OmittedItem[] = [];
  if (html && MAY_HOLD_MEDIA.test(html)) {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    for (const element of body.querySelectorAll(MEDIA)) {
      if (items.length >= MAX_OMITTED) break;
      if (element.parentElement?.closest('picture, video, audio, object, svg')) continue;
      if (element.localName === 'img' && isMediaSrc(element.getAttribute('src')?.trim())) continue;
      const item = omittedItem(element);
      if (item) items.push(item);
    }
  }
  // A copied picture (a screenshot, an image from a file manager) comes as a file and perhaps an <img> of it too.
  if (items.length === 0)
    for (const file of files.slice(0, MAX_OMITTED))
      if (file.type.startsWith('image/')) items.push({ kind: 'image', description: file.name || null, url: null });
  return items;
}
