import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { parseDocument } from '@/lib/editor/schema';
import { COLLAB_FIELD } from './messages';

/** Where a shared document records the article version whose content was last written into it from outside. */
const META = 'factmark';
const CONTENT_VERSION = 'contentVersion';

/** Replaces the shared document's content with `content`, as a diff: concurrent edits elsewhere in it survive. */
export function replaceContent(document: Y.Doc, content: unknown): void {
  const node = parseDocument(content);
  updateYFragment(document, document.getXmlFragment(COLLAB_FIELD), node, { mapping: new Map(), isOMark: new Map() });
}

/** The article version whose content was last written into the shared document (an API save), or 0. */
export const contentVersionOf = (document: Y.Doc): number => {
  const value = document.getMap(META).get(CONTENT_VERSION);
  return typeof value === 'number' ? value : 0;
};

/**
 * Writes the content of article version `version` into the shared document unless it already holds it, and returns
 * the update made (null when there was nothing to do). `stored`: the updates stored since the last snapshot, applied
 * first with `origin`, so that the same version written by another instance is seen and not written twice.
 */
export function applyContentOnce(document: Y.Doc, stored: readonly Uint8Array[], content: unknown, version: number, origin: unknown): Uint8Array | null {
  for (const update of stored) Y.applyUpdate(document, update, origin);
  if (contentVersionOf(document) >= version) return null;
  const before = Y.encodeStateVector(document);
  document.transact(() => {
    replaceContent(document, content);
    document.getMap(META).set(CONTENT_VERSION, version);
  });
  return Y.encodeStateAsUpdate(document, before);
}

/** The shared document's content as ProseMirror JSON. */
export const contentOf = (document: Y.Doc) => yXmlFragmentToProsemirrorJSON(document.getXmlFragment(COLLAB_FIELD));
