import { hasBadText } from './text';

/** Deeper than any document the editor makes (a list nested 15 levels is about 60), shallow enough for every recursive parser after. */
export const MAX_JSON_DEPTH = 64;

export interface JsonProblem {
  path: string;
  message: string;
}

const BAD_TEXT_MESSAGE = 'Remove the NUL character (U+0000) or the broken UTF-16 surrogate.';

/**
 * The first part of untrusted JSON that must be refused before anything recursive sees it: nesting deeper
 * than `maxDepth`, or a string (or key) PostgreSQL cannot store. Iterative, so any depth costs no stack.
 */
export function findJsonProblem(value: unknown, root = '', maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: v, path, depth } = item;
    if (typeof v === 'string') {
      if (hasBadText(v)) return { path, message: BAD_TEXT_MESSAGE };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= maxDepth) return { path: path || '(body)', message: `Nested deeper than ${maxDepth} levels.` };
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((e, i) => [String(i), e]) : Object.entries(v);
    if (!Array.isArray(v) && entries.some(([key]) => hasBadText(key)))
      return { path: path || '(body)', message: BAD_TEXT_MESSAGE };
    // Pushed in reverse so the first offending field in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      stack.push({ value: child, path: join(path, key), depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The characters of every string and the objects in untrusted JSON, counted iteratively and given up as
 * soon as either passes its bound: what a document sent as editor JSON weighs against the limits of the
 * same document sent as text.
 */
export function exceedsJsonSize(
  value: unknown,
  limits: { characters: number; objects: number },
): 'characters' | 'objects' | null {
  let characters = 0;
  let objects = 0;
  const stack: unknown[] = [value];
  for (let v = stack.pop(); v !== undefined || stack.length > 0; v = stack.pop()) {
    if (typeof v === 'string') {
      characters += v.length;
      if (characters > limits.characters) return 'characters';
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (++objects > limits.objects) return 'objects';
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
  }
  return null;
}
