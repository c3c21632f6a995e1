import 'server-only';
import { db } from '@/lib/db';
import type { Retraction } from '@/lib/publishing/publication-state';
import { boundedCache } from '@/lib/publishing/bounded-cache';
import { findVersion, versionWhere } from './find-published-version';

export interface ReaderPage {
  id: string;
  number: number;
  html: string;
  latest: number;
  slug: string;
  retraction: Retraction | null;
}

// Versions never change, so their pages and snapshots can be kept in memory on every instance without
// coordination, bounded by size. Next bundles route handlers and server actions separately, each with its
// own copy of this module: the caches live on globalThis so that publishing or retracting (an action)
// clears what the reader routes see.
type CachedPage = { id: string; number: number; html: string };

const pages = boundedCache<CachedPage>('reader-pages', 64 * 1024 * 1024, 2000);

// What a cached page holds in memory, roughly: strings at two bytes a character.
const pageBytes = (page: CachedPage) => page.html.length * 2 + 256;

/** The stored page of a version (the latest when `number` is omitted). */
export async function findReaderPage(slug: string, number?: number): Promise<ReaderPage | null> {
  const found = await findVersion(slug, number, pages, pageBytes, (articleId, n) =>
    db().publication.findUnique({ where: versionWhere(articleId, n), select: { id: true, number: true, html: true } }),
  );
  return found && { ...found.value, latest: found.latest, slug, retraction: found.retraction };
}
