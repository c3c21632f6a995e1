/**
 * Lets the event loop serve what is waiting (health checks, readers) between two long synchronous steps of
 * one request, e.g. parsing, walking and serialising a 2 MB article: each step stays one short slice
 * instead of their sum being one long one.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Bodies from this size on are parsed and checked in separate slices. */
export const LARGE_TEXT_CHARS = 256 * 1024;
