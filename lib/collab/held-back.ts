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
 * Least time between two sync step 1s of one document. Each is its state vector, which grows with every client that
 * ever wrote to it (a few bytes each, but one update can bring tens of thousands: 90 ms to encode at 40,000), and an
 * editor can send updates that build on nothing as fast as the message rate lets it: one ask per update made the
 * server encode it a thousand times in ten seconds. Within this time the editors are asked together, once.
 */
export const RESYNC_MS = 1_000;

/**
 * After each transaction whose origin `editorOf` recognises as an editor's socket, drops what the document held
 * back and has `resync` ask that editor for what the server lacks: at once, or, within RESYNC_MS of the last ask,
 * together with every other editor waiting then (`resync` gets them all, to encode the state vector once). Nothing
 * is lost by waiting: what an editor sends before the ask reaches it is in its answer. Returns the function that
 * stops watching.
 */
export function holdNothingBack<E>(
  doc: Y.Doc,
  editorOf: (origin: unknown) => E | null,
  resync: (editors: E[]) => void,
) {
  let lastAsk = -Infinity;
  const waiting = new Set<E>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const askWaiting = () => {
    timer = null;
    lastAsk = performance.now();
    const editors = [...waiting];
    waiting.clear();
    resync(editors);
  };
  const watch = (transaction: Y.Transaction) => {
    const editor = editorOf(transaction.origin);
    if (editor === null || !dropHeldBack(doc)) return;
    waiting.add(editor);
    const wait = lastAsk + RESYNC_MS - performance.now();
    if (wait <= 0) askWaiting();
    else timer ??= setTimeout(askWaiting, wait);
  };
  doc.on('afterTransactionCleanup', watch);
  return () => {
    doc.off('afterTransactionCleanup', watch);
    if (timer) clearTimeout(timer);
    timer = null;
    waiting.clear();
  };
}
