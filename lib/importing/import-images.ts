import { createHash } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { mediaIdOf, mediaSrc } from '@/lib/editor/figure';
import type { OmittedItem } from '@/lib/validation/articles';
import { fetchBytes } from './fetch-page';
import type { ImageCandidate } from './image-candidates';
import { MAX_IMAGE_BYTES, sniffImageType, type ImageType } from './image-type';
import type { ImportedDocument } from './import-jobs';
import { MAX_OMITTED } from './omitted-content';

/** An image fetched for an import, checked, to be stored with the new article under `id`. */
export interface ImageToStore {
  id: string;
  type: ImageType;
  bytes: Buffer;
  sha256: string;
  sourceUrl: string | null;
}

/** Images fetched at once per import: a page of 20 images takes a few seconds, not twenty round trips. */
const CONCURRENCY = 4;
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

/** The bytes of an image, or null when it cannot be kept (refused address, unreachable, too big, not a PNG/JPEG/GIF/WebP). */
async function loadImage(source: string): Promise<{ type: ImageType; bytes: Buffer } | null> {
  let bytes: Buffer;
  if (source.startsWith('data:')) {
    const base64 = source.slice(source.indexOf(',') + 1);
    // Four base64 characters hold three bytes: refuse before decoding what could only be too big.
    if ((base64.length * 3) / 4 > MAX_IMAGE_BYTES + 3) return null;
    bytes = Buffer.from(base64, 'base64');
  } else {
    try {
      // Any declared type: what counts is what the bytes are.
      bytes = (await fetchBytes(source, { accept: ACCEPT, allowedType: /.*/, maxBytes: MAX_IMAGE_BYTES })).bytes;
    } catch {
      return null;
    }
  }
  const type = sniffImageType(bytes);
  return type && bytes.byteLength > 0 && bytes.byteLength <= MAX_IMAGE_BYTES ? { type, bytes } : null;
}

/** The left-out items with the refused images in their places (document order), at most MAX_OMITTED. */
function inOrder(
  omitted: readonly OmittedItem[],
  refused: readonly { at: number; item: OmittedItem }[],
): OmittedItem[] {
  const merged: OmittedItem[] = [];
  let r = 0;
  for (let i = 0; i <= omitted.length; i++) {
    while (r < refused.length && refused[r]!.at <= i) merged.push(refused[r++]!.item);
    if (i < omitted.length) merged.push(omitted[i]!);
  }
  return merged.slice(0, MAX_OMITTED);
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

/** The document with each figure's source replaced (`ids`: new id → stored id) or the figure removed; a block left empty keeps an empty paragraph. */
function resolveFigures(node: JSONContent, ids: ReadonlyMap<string, string>): JSONContent {
  if (!node.content) return node;
  const content: JSONContent[] = [];
  for (const child of node.content) {
    if (child.type !== 'figure') {
      content.push(resolveFigures(child, ids));
      continue;
    }
    const stored = ids.get(mediaIdOf(child.attrs?.src) ?? '');
    if (stored) content.push({ ...child, attrs: { ...child.attrs, src: mediaSrc(stored) } });
  }
  if (content.length === 0 && node.content.length > 0) content.push({ type: 'paragraph' });
  return { ...node, content };
}

/**
 * Fetches (or decodes, for a .docx) the images an import kept as figures, under the URL-import rules
 * (public addresses only, 10 s, 5 MB each) and keeps those whose bytes are PNG, JPEG, GIF or WebP, the
 * same bytes once. Figures of images that could not be kept are removed and listed in `omitted`.
 */
export async function fetchImportImages(
  document: ImportedDocument,
): Promise<{ document: ImportedDocument; media: ImageToStore[] }> {
  if (document.images.length === 0) return { document, media: [] };
  const loaded = await mapLimited(document.images, CONCURRENCY, async (candidate: ImageCandidate) => ({
    candidate,
    image: await loadImage(candidate.source),
  }));
  const ids = new Map<string, string>();
  const bySha = new Map<string, string>();
  const media: ImageToStore[] = [];
  const refused: { at: number; item: OmittedItem }[] = [];
  for (const { candidate, image } of loaded) {
    if (!image) {
      refused.push({
        at: candidate.at,
        item: {
          kind: 'image',
          description: candidate.alt || null,
          url: candidate.source.startsWith('data:') ? null : candidate.source.slice(0, 500),
        },
      });
      continue;
    }
    const sha256 = createHash('sha256').update(image.bytes).digest('hex');
    const same = bySha.get(sha256);
    if (same) {
      ids.set(candidate.id, same);
      continue;
    }
    bySha.set(sha256, candidate.id);
    ids.set(candidate.id, candidate.id);
    media.push({
      id: candidate.id,
      ...image,
      sha256,
      sourceUrl: candidate.source.startsWith('data:') ? null : candidate.source.slice(0, 2000),
    });
  }
  return {
    document: {
      ...document,
      content: resolveFigures(document.content, ids),
      omitted: inOrder(document.omitted, refused),
      images: [],
    },
    media,
  };
}
