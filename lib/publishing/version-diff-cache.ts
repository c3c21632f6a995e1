import { boundedCache } from './bounded-cache';
import { readerCsp } from './render-reader';
import { renderDiffPage, renderTextDiff } from './render-versions';
import type { PublicationSnapshot } from './snapshot';

interface Version {
  id: string;
  snapshot: PublicationSnapshot;
}

interface DiffPage {
  bytes: Uint8Array<ArrayBuffer>;
  csp: string;
}

// Two publications never change, so their comparison is computed once per instance and kept: the text
// diff per pair, the served page per pair and latest version (its picker lists the versions).
const cache = boundedCache<string | DiffPage>('version-diffs', 64 * 1024 * 1024, 1000);

function remembered<T extends string | DiffPage>(key: string, compute: () => T, size: (value: T) => number): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute();
  cache.set(key, value, size(value));
  return value;
}

/** The HTML of the text changes from `a` to `b`, computed at most once per pair of publications. */
function textDiffBetween(a: Version, b: Version): string {
  return remembered(
    `text:${a.id}:${b.id}`,
    () => renderTextDiff(a.snapshot.article.plainText, b.snapshot.article.plainText),
    (html) => html.length * 2,
  );
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
