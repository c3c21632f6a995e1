/**
 * Lets the event loop serve what is waiting (health checks, readers) between two long synchronous steps of
 * one request, e.g. parsing, walking and serialising a 2 MB article: each step stays one short slice
 * instead of their sum being one long one.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A pause to call often in a long loop: it yields once `sliceMs` of work have passed since the last yield. */
export function timeSlicer(sliceMs: number): () => Promise<void> {
  let began = performance.now();
  return async () => {
    if (performance.now() - began < sliceMs) return;
    await yieldToLoop();
    began = performance.now();
  };
}

/** Bodies from this size on are parsed and checked in separate slices. */
export const LARGE_TEXT_CHARS = 256 * 1024;
