import { hasBadText } from './text';

/** Deeper than any document the editor makes (a list nested 15 levels is about 60), shallow enough for every recursive parser after. */
export const MAX_JSON_DEPTH = 64;

export interface JsonProblem {
  path: string;
  message: string;
}

const BAD_TEXT_MESSAGE = 'Remove the NUL character (U+0000) or the broken UTF-16 surrogate.';

/** More values than any request the app makes holds (an article at its 2 MB text limit is far fewer). */
export const MAX_JSON_VALUES = 250_000;

interface Visit {
  value: unknown;
  depth: number;
  /** The path is built only for the value that is refused: from its key and its parent's visit. */
  key: string | number;
  parent: Visit | null;
}

const pathOf = (visit: Visit, root: string): string => {
  const keys: (string | number)[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) keys.push(v.key);
  const path = keys.reverse().join('.');
  return root && path ? `${root}.${path}` : root || path;
};

/**
 * The first part of untrusted JSON that must be refused before anything recursive sees it: nesting deeper
 * than `maxDepth`, more than `maxValues` values, or a string (or key) PostgreSQL cannot store. Iterative, so
 * any depth costs no stack; paths are built only for what is refused, so each value costs one step.
 */
export function findJsonProblem(
  value: unknown,
  root = '',
  maxDepth = MAX_JSON_DEPTH,
  maxValues = MAX_JSON_VALUES,
): JsonProblem | null {
  const stack: Visit[] = [{ value, depth: 0, key: '', parent: null }];
  let seen = 0;
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const v = visit.value;
    if (++seen > maxValues)
      return { path: root || '(body)', message: `More than ${maxValues.toLocaleString('en')} values.` };
    if (typeof v === 'string') {
      if (hasBadText(v)) return { path: pathOf(visit, root), message: BAD_TEXT_MESSAGE };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const path = () => pathOf(visit, root) || '(body)';
    if (visit.depth >= maxDepth) return { path: path(), message: `Nested deeper than ${maxDepth} levels.` };
    const depth = visit.depth + 1;
    // Pushed in reverse so the first offending field in document order is the one reported.
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, key: i, parent: visit });
      continue;
    }
    const keys = Object.keys(v);
    for (const key of keys) if (hasBadText(key)) return { path: path(), message: BAD_TEXT_MESSAGE };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ value: (v as Record<string, unknown>)[key], depth, key, parent: visit });
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
