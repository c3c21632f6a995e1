import 'server-only';
import { db, pool } from '@/lib/db';
import { publicationState, publicationStateSelect, type Retraction } from './publication-state';
import { boundedCache, type BoundedCache } from '@/lib/publishing/bounded-cache';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';

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
type CachedSnapshot = { id: string; snapshot: PublicationSnapshot; publishedAt: Date };
const pages = boundedCache<CachedPage>('reader-pages', 64 * 1024 * 1024, 2000);
const snapshots = boundedCache<CachedSnapshot>('reader-snapshots', 128 * 1024 * 1024, 500);
const latestBySlug = ((globalThis as { [key: symbol]: unknown })[Symbol.for('factmark.reader-latest')] ??=
  new Map()) as Map<string, { articleId: string; latest: number; retraction: Retraction | null; at: number }>;
// What a cached value holds in memory, roughly: strings at two bytes a character; a snapshot's document
// as about three times its text, and each claim's verdict and sources.
const pageBytes = (page: CachedPage) => page.html.length * 2 + 256;
const snapshotBytes = ({ snapshot }: CachedSnapshot) =>
  snapshot.article.plainText.length * 8 + snapshot.claims.length * 16 * 1024 + 4096;
// Which version is the latest may change (a correction): each instance re-reads it after two seconds.
const LATEST_TTL_MS = 2000;

/** Called after this instance publishes, so its own readers see the new version at once. */
export function forgetLatest(slug: string): void {
  latestBySlug.delete(slug);
}

// Every slug create-article makes has this shape; anything else (a NUL, a lone surrogate) is no page and no query.
const isSlug = (slug: string) => /^[a-z0-9-]{1,120}$/.test(slug);

async function latestVersion(slug: string) {
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
async function findVersion<T>(
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

const versionWhere = (articleId: string, number: number) => ({ articleId_number: { articleId, number } });

/** The stored page of a version (the latest when `number` is omitted). */
export async function findReaderPage(slug: string, number?: number): Promise<ReaderPage | null> {
  const found = await findVersion(slug, number, pages, pageBytes, (articleId, n) =>
    db().publication.findUnique({ where: versionWhere(articleId, n), select: { id: true, number: true, html: true } }),
  );
  return found && { ...found.value, latest: found.latest, slug, retraction: found.retraction };
}

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

/** Every published version of an article, oldest first, with its correction note; null while unpublished. */
export async function findVersions(slug: string) {
  if (!isSlug(slug)) return null;
  const article = await db().article.findFirst({
    where: { slug, deletedAt: null, publications: { some: {} } },
    select: {
      id: true,
      publications: { orderBy: { number: 'asc' }, select: { number: true, publishedAt: true, correctionNote: true } },
      retractions: { orderBy: { createdAt: 'asc' }, select: { reason: true, createdAt: true } },
    },
  });
  if (!article) return null;
  // The title and the organisation as the latest version published them, never as they are being edited.
  const [published, latest] = await Promise.all([
    pool().query<{ title: string; organisation: string }>(
      `SELECT snapshot->'article'->>'title' AS title, snapshot->'organisation'->>'name' AS organisation
       FROM "Publication" WHERE "articleId" = $1 ORDER BY number DESC LIMIT 1`,
      [article.id],
    ),
    latestVersion(slug),
  ]);
  const row = published.rows[0];
  return {
    slug,
    title: row?.title ?? '',
    organisation: row?.organisation ?? '',
    versions: article.publications,
    retractions: article.retractions,
    retraction: latest?.retraction ?? null,
  };
}

// An article is public while it has a publication that no later retraction withdrew; everything shown comes from
// that latest publication's snapshot, whatever the article's live rows say.
const STANDING_LATEST = `
  FROM "Article" a
  JOIN LATERAL (SELECT p.id, p.number, p."publishedAt", p.snapshot FROM "Publication" p WHERE p."articleId" = a.id ORDER BY p.number DESC LIMIT 1) p ON true
  WHERE a."deletedAt" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "Retraction" r WHERE r."articleId" = a.id AND r."createdAt" > p."publishedAt")`;

/** Published fact-checks, newest first (by their latest version), `limit` from `offset`, as last published. */
export async function listPublished(limit = 50, offset = 0) {
  const { rows } = await pool().query<{
    title: string | null;
    slug: string | null;
    publishedAt: Date;
    version: number;
    claimCount: number;
  }>(
    `SELECT p.snapshot->'article'->>'title' AS title, p.snapshot->'article'->>'slug' AS slug, p."publishedAt", p.number AS version,
            COALESCE(jsonb_array_length(p.snapshot->'claims'), 0)::int AS "claimCount"
     ${STANDING_LATEST}
     ORDER BY p."publishedAt" DESC, a.id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return rows.map((r) => ({
    title: r.title ?? '',
    slug: r.slug ?? '',
    publishedAt: r.publishedAt,
    version: r.version,
    claimCount: r.claimCount,
  }));
}

/**
 * A snapshot without the article's document and text, which exports of claims never read: PostgreSQL drops
 * them, so a long article is not sent to this process and parsed on its event loop for a few claims.
 */
export const SNAPSHOT_WITHOUT_TEXT = `(p.snapshot #- '{article,content}' #- '{article,plainText}')`;

/** The latest version of every standing fact-check (its snapshot without the article's text), by article id from `after`. */
export async function listStandingSnapshots(limit: number, after: string | undefined) {
  const { rows } = await pool().query<{ articleId: string; snapshot: PublicationSnapshot; publishedAt: Date }>(
    `SELECT a.id AS "articleId", ${SNAPSHOT_WITHOUT_TEXT} AS snapshot, p."publishedAt"
     ${STANDING_LATEST} AND ($2::text IS NULL OR a.id > $2)
     ORDER BY a.id ASC LIMIT $1`,
    [limit, after ?? null],
  );
  return rows;
}

/** The organisation's name as the newest publication put it (null before anything is published). */
export async function findPublishedOrganisationName(): Promise<string | null> {
  const { rows } = await pool().query<{ name: string | null }>(
    `SELECT snapshot->'organisation'->>'name' AS name FROM "Publication" ORDER BY "publishedAt" DESC, id DESC LIMIT 1`,
  );
  return rows[0]?.name || null;
}
