import type * as Y from 'yjs';

/*
 * An update that builds on one the server has not received (an editor reconnecting may send its newest change
 * before the ones it builds on) is held back by Yjs until they arrive, and Yjs then places it without asking anyone:
 * on the next update, when stored updates are replayed for a save, when another instance relays one. The checks of
 * update-shape.ts see each update alone, so a chain of elements sent from its deepest end, piece by piece, each
 * short, would pass them all and fall into place whole. So a live document holds nothing back from an editor:
 * what cannot be placed is dropped at once, and the editor is asked for everything the server lacks (a sync
 * step 1), which its provider answers with one update, in order, checked like any other.
 */

/** Drops what `doc` holds back (updates and deletions waiting for what they build on); true if there was any. */
export function dropHeldBack(doc: Y.Doc): boolean {
  const { store } = doc;
  if (!store.pendingStructs && !store.pendingDs) return false;
  store.pendingStructs = null;
  store.pendingDs = null;
  return true;
}

/**
 * After each transaction whose origin `editorOf` recognises as an editor's socket, drops what the document held
 * back and calls `resync` for that editor. Returns the function that stops watching.
 */
export function holdNothingBack<E>(doc: Y.Doc, editorOf: (origin: unknown) => E | null, resync: (editor: E) => void) {
  const watch = (transaction: Y.Transaction) => {
    const editor = editorOf(transaction.origin);
    if (editor !== null && dropHeldBack(doc)) resync(editor);
  };
  doc.on('afterTransactionCleanup', watch);
  return () => doc.off('afterTransactionCleanup', watch);
}
