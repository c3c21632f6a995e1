import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { findQuote } from '@/lib/anchoring/quote';
import { addClaimMark, claimRanges } from '@/lib/editor/claim-marks';
import { removeClaimMark } from '@/lib/editor/claim-marks-remove';
import { plainText } from '@/lib/editor/plain-text';
import { repairDocument } from '@/lib/editor/repair-document';
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
export function applyContentOnce(
  document: Y.Doc,
  stored: readonly Uint8Array[],
  content: unknown,
  version: number,
  origin: unknown,
): Uint8Array | null {
  for (const update of stored) Y.applyUpdate(document, update, origin);
  if (contentVersionOf(document) >= version) return null;
  const before = Y.encodeStateVector(document);
  document.transact(() => {
    replaceContent(document, content);
    document.getMap(META).set(CONTENT_VERSION, version);
  });
  return Y.encodeStateAsUpdate(document, before);
}

/** Two ProseMirror JSON documents hold the same content once read through the schema. */
export const sameContent = (a: unknown, b: unknown) =>
  JSON.stringify(parseDocument(a).toJSON()) === JSON.stringify(parseDocument(b).toJSON());

/** The shared document's content as ProseMirror JSON. */
export const contentOf = (document: Y.Doc) => yXmlFragmentToProsemirrorJSON(document.getXmlFragment(COLLAB_FIELD));

/**
 * Repairs the shared document's text when it breaks the schema (see repair-document.ts: concurrent or hostile
 * changes can leave, say, an empty blockquote), as a change of the shared document, so every editor gets the
 * repair and the text can be saved. Returns whether there was anything to repair.
 */
export function repairLiveContent(document: Y.Doc, origin: unknown = null): boolean {
  const { node, repaired } = repairDocument(contentOf(document));
  if (!repaired) return false;
  document.transact(
    () =>
      updateYFragment(document, document.getXmlFragment(COLLAB_FIELD), node, {
        mapping: new Map(),
        isOMark: new Map(),
      }),
    origin,
  );
  return true;
}

/** A claim marked or unmarked outside the editor (the claims API): its words are found again in the live text. */
export type ClaimMarkChange = { claimId: string; quote: { exact: string; prefix?: string; suffix?: string } | null };

/**
 * Marks (`quote` given) or unmarks (`quote` null) a claim in the shared document, as a diff of the live text, so
 * that edits not yet saved stay; once per change (`key`, e.g. the claim id and article version). Returns the update
 * made, or null (already done, or the words are no longer in the text: the claim then stays detached).
 */
export function applyClaimMarkOnce(
  document: Y.Doc,
  stored: readonly Uint8Array[],
  change: ClaimMarkChange,
  key: string,
  origin: unknown,
): Uint8Array | null {
  for (const update of stored) Y.applyUpdate(document, update, origin);
  const done = document.getMap(META);
  if (done.get(`claim:${key}`) === true) return null;
  const current = parseDocument(contentOf(document));
  let next = current;
  if (change.quote) {
    const match = findQuote(plainText(current).text, change.quote);
    if (match.kind !== 'found') return null;
    next = addClaimMark(current, match.position, change.claimId);
  } else {
    next = removeClaimMark(current, change.claimId);
  }
  const before = Y.encodeStateVector(document);
  document.transact(() => {
    updateYFragment(document, document.getXmlFragment(COLLAB_FIELD), next, { mapping: new Map(), isOMark: new Map() });
    done.set(`claim:${key}`, true);
  });
  return Y.encodeStateAsUpdate(document, before);
}

/** The ids of the claims marked in a document's content. */
export const claimIdsOf = (content: unknown): Set<string> => new Set(claimRanges(parseDocument(content)).keys());

/** A claim marked in the stored article, as a save reads it (see saveCollabDocument). */
export type StoredClaim = { id: string; quote: { exact: string; prefix: string; suffix: string } };

/**
 * Makes what a save of the shared document stores, from what the database holds under the article's lock: the
 * stored updates are applied first (with `origin`: they are stored already); then a claim marked in the stored
 * article that the document lacks and never had (not in `known`: the claims it had at its last load, save or API
 * change) was marked through the API while its change was on its way here, e.g. as the last editor left: its mark
 * is put on its words in the live text (the editors get it) rather than the claim being detached by this save.
 * A claim in `known` whose mark is gone was unmarked by an editor, and is detached. Returns the content, the
 * whole state and the claims the document knows from now on.
 */
export function prepareCollabSave(
  document: Y.Doc,
  stored: { updates: readonly Uint8Array[]; claims: readonly StoredClaim[]; version: number },
  known: ReadonlySet<string>,
  origin: unknown,
): { content: unknown; state: Uint8Array; known: Set<string> } {
  for (const update of stored.updates) Y.applyUpdate(document, update, origin);
  repairLiveContent(document);
  let content: unknown = contentOf(document);
  const live = claimIdsOf(content);
  const missing = stored.claims.filter((claim) => !live.has(claim.id) && !known.has(claim.id));
  for (const claim of missing)
    applyClaimMarkOnce(document, [], { claimId: claim.id, quote: claim.quote }, `${claim.id}@${stored.version}`, null);
  if (missing.length > 0) content = contentOf(document);
  // A claim whose words are gone stays out of the text, and this save detaches it.
  const next = claimIdsOf(content);
  for (const claim of missing) next.add(claim.id);
  return { content, state: Y.encodeStateAsUpdate(document), known: next };
}
