import 'server-only';
import { db } from '@/lib/db';
import { publicationState, type Retraction } from '@/lib/publishing/publication-state';
import { publicationStateSelect } from '@/lib/data/articles/lifecycle';
import type { BoundedCache } from '@/lib/publishing/bounded-cache';

const latestBySlug = ((globalThis as { [key: symbol]: unknown })[Symbol.for('factmark.reader-latest')] ??=
  new Map()) as Map<string, { articleId: string; latest: number; retraction: Retraction | null; at: number }>;

// Which version is the latest may change (a correction): each instance re-reads it after two seconds.
const LATEST_TTL_MS = 2000;

/** Called after this instance publishes, so its own readers see the new version at once. */
export function forgetLatest(slug: string): void {
  latestBySlug.delete(slug);
}

// Every slug create-article makes has this shape; anything else (a NUL, a lone surrogate) is no page and no query.
export const isSlug = (slug: string) => /^[a-z0-9-]{1,120}$/.test(slug);

export async function latestVersion(slug: string) {
  if (!isSlug(slug)) return null;
  const cached = latestBySlug.get(slug);
  if (cached && Date.now() - cached.at < LATEST_TTL_MS) return cached;
  const article = await db().article.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, ...publicationStateSelect },
  });
  const { latest, retraction } = article ? publicationState(article) : { latest: null, retraction: null };
  // Unpublished slugs are not remembered: a first publication shows at once.
  if (!article || !latest) return null;
  const entry = { articleId: article.id, latest: latest.number, retraction, at: Date.now() };
  if (latestBySlug.size > 10_000) latestBySlug.clear();
  latestBySlug.set(slug, entry);
  return entry;
}

/**
 * A version of a published slug (the latest when `number` is omitted) through `cache`: versions never
 * change, so what `load` returns for one is kept. Null for unknown or unpublished slugs and versions.
 */
export async function findVersion<T>(
  slug: string,
  number: number | undefined,
  cache: BoundedCache<T>,
  size: (value: T) => number,
  load: (articleId: string, number: number) => Promise<T | null>,
) {
  const latest = await latestVersion(slug);
  if (!latest) return null;
  const wanted = number ?? latest.latest;
  if (wanted > latest.latest) return null;
  const key = `${latest.articleId}:${wanted}`;
  let value = cache.get(key);
  if (value === undefined) {
    const loaded = await load(latest.articleId, wanted);
    if (!loaded) return null;
    cache.set(key, loaded, size(loaded));
    value = loaded;
  }
  return { value, latest: latest.latest, retraction: latest.retraction };
}

export const versionWhere = (articleId: string, number: number) => ({ articleId_number: { articleId, number } });
