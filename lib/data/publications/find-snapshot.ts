import 'server-only';
import { db } from '@/lib/db';
import { boundedCache } from '@/lib/publishing/bounded-cache';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';
import { findVersion, versionWhere } from './find-published-version';

// Versions never change, so their snapshots are kept in memory like the reader's pages (find-reader-page.ts).
type CachedSnapshot = { id: string; snapshot: PublicationSnapshot; publishedAt: Date };

const snapshots = boundedCache<CachedSnapshot>('reader-snapshots', 128 * 1024 * 1024, 500);

// What a cached snapshot holds in memory, roughly: its document as about three times its text, and each
// claim's verdict and sources.
const snapshotBytes = ({ snapshot }: CachedSnapshot) =>
  snapshot.article.plainText.length * 8 + snapshot.claims.length * 16 * 1024 + 4096;

/** The frozen snapshot of a version (the latest when `number` is omitted), with the article's state now. */
export async function findSnapshot(slug: string, number?: number) {
  const found = await findVersion(slug, number, snapshots, snapshotBytes, async (articleId, n) => {
    const row = await db().publication.findUnique({
      where: versionWhere(articleId, n),
      select: { id: true, snapshot: true, publishedAt: true },
    });
    return (
      row && { id: row.id, snapshot: row.snapshot as unknown as PublicationSnapshot, publishedAt: row.publishedAt }
    );
  });
  return found && { ...found.value, latest: found.latest, retraction: found.retraction };
}
