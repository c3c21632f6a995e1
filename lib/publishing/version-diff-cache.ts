import { readerCsp } from './render-reader';
import { renderDiffPage, renderTextDiff } from './render-versions';
import type { PublicationSnapshot } from './snapshot';

interface Version {
  id: string;
  snapshot: PublicationSnapshot;
}

export interface DiffPage {
  bytes: Uint8Array<ArrayBuffer>;
  csp: string;
}

// Two publications never change, so their comparison is computed once per instance and kept: the text
// diff per pair, the served page per pair and latest version (its picker lists the versions). Bounded by
// size, least recently used first out; on globalThis so that every bundle of the server shares one.
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 1000;
const cache = ((globalThis as { [key: symbol]: unknown })[Symbol.for('factmark.version-diffs')] ??= { entries: new Map(), bytes: 0 }) as {
  entries: Map<string, { value: string | DiffPage; bytes: number }>;
  bytes: number;
};

function remembered<T extends string | DiffPage>(key: string, compute: () => T, size: (value: T) => number): T {
  const hit = cache.entries.get(key);
  if (hit) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  const bytes = size(value);
  cache.entries.set(key, { value, bytes });
  cache.bytes += bytes;
  for (const [oldKey, old] of cache.entries) {
    if ((cache.bytes <= MAX_BYTES && cache.entries.size <= MAX_ENTRIES) || oldKey === key) break;
    cache.entries.delete(oldKey);
    cache.bytes -= old.bytes;
  }
  return value;
}

/** The HTML of the text changes from `a` to `b`, computed at most once per pair of publications. */
export function textDiffBetween(a: Version, b: Version): string {
  return remembered(`text:${a.id}:${b.id}`, () => renderTextDiff(a.snapshot.article.plainText, b.snapshot.article.plainText), (html) => html.length * 2);
}

/** The page /a/{slug}/diff serves for `a` → `b` while `latest` is the latest version, as UTF-8 with its CSP. */
export function diffPageBetween(a: Version, b: Version, latest: number): DiffPage {
  return remembered(
    `page:${a.id}:${b.id}:${latest}`,
    () => {
      const html = renderDiffPage(a.snapshot, b.snapshot, latest, b.snapshot.organisation.name, textDiffBetween(a, b));
      return { bytes: new TextEncoder().encode(html), csp: readerCsp(html, { allowForms: true }) };
    },
    (page) => page.bytes.byteLength,
  );
}
