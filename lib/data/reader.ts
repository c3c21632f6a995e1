import 'server-only';
import { db } from '@/lib/db';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';

export interface ReaderPage {
  id: string;
  number: number;
  html: string;
  latest: number;
  slug: string;
  retraction: Retraction | null;
}

export interface Retraction {
  reason: string;
  at: Date;
}

// Versions never change, so their pages can be kept in memory on every instance without coordination.
const MAX_PAGES = 500;
// Next bundles route handlers and server actions separately, each with its own copy of this module: the
// caches live on globalThis so that publishing or retracting (an action) clears what the reader routes see.
const caches = ((globalThis as { [key: symbol]: unknown })[Symbol.for('factmark.reader-caches')] ??= {
  pages: new Map(),
  latestBySlug: new Map(),
  snapshots: new Map(),
}) as {
  pages: Map<string, { id: string; number: number; html: string }>;
  latestBySlug: Map<string, { articleId: string; latest: number; retraction: Retraction | null; at: number }>;
  snapshots: Map<string, { id: string; snapshot: PublicationSnapshot; publishedAt: Date }>;
};
const { pages, latestBySlug, snapshots } = caches;
// Which version is the latest may change (a correction): each instance re-reads it after two seconds.
const LATEST_TTL_MS = 2000;

/** Called after this instance publishes, so its own readers see the new version at once. */
export function forgetLatest(slug: string): void {
  latestBySlug.delete(slug);
}

async function latestVersion(slug: string) {
  const cached = latestBySlug.get(slug);
  if (cached && Date.now() - cached.at < LATEST_TTL_MS) return cached;
  const article = await db().article.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      publications: { orderBy: { number: 'desc' }, take: 1, select: { number: true, publishedAt: true } },
      retractions: { orderBy: { createdAt: 'desc' }, take: 1, select: { reason: true, createdAt: true } },
    },
  });
  const latest = article?.publications[0];
  // Unpublished slugs are not remembered: a first publication shows at once.
  if (!article || !latest) return null;
  // A retraction holds until the article is published again.
  const retracted = article.retractions[0];
  const retraction = retracted && retracted.createdAt > latest.publishedAt ? { reason: retracted.reason, at: retracted.createdAt } : null;
  const entry = { articleId: article.id, latest: latest.number, retraction, at: Date.now() };
  if (latestBySlug.size > 10_000) latestBySlug.clear();
  latestBySlug.set(slug, entry);
  return entry;
}

/** The stored page of a version (the latest when `number` is omitted); null for unknown or unpublished slugs. */
export async function findReaderPage(slug: string, number?: number): Promise<ReaderPage | null> {
  const latest = await latestVersion(slug);
  if (!latest) return null;
  const wanted = number ?? latest.latest;
  if (wanted > latest.latest) return null;
  const key = `${latest.articleId}:${wanted}`;
  let page = pages.get(key);
  if (!page) {
    const row = await db().publication.findUnique({ where: { articleId_number: { articleId: latest.articleId, number: wanted } }, select: { id: true, number: true, html: true } });
    if (!row) return null;
    page = row;
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value ?? '');
    pages.set(key, page);
  }
  return { ...page, latest: latest.latest, slug, retraction: latest.retraction };
}


/** The frozen snapshot of a version (the latest when `number` is omitted), with the article's state now. */
export async function findSnapshot(slug: string, number?: number) {
  const latest = await latestVersion(slug);
  if (!latest) return null;
  const wanted = number ?? latest.latest;
  if (wanted > latest.latest) return null;
  const key = `${latest.articleId}:${wanted}`;
  let entry = snapshots.get(key);
  if (!entry) {
    const row = await db().publication.findUnique({ where: { articleId_number: { articleId: latest.articleId, number: wanted } }, select: { id: true, snapshot: true, publishedAt: true } });
    if (!row) return null;
    entry = { id: row.id, snapshot: row.snapshot as unknown as PublicationSnapshot, publishedAt: row.publishedAt };
    if (snapshots.size >= MAX_PAGES) snapshots.delete(snapshots.keys().next().value ?? '');
    snapshots.set(key, entry);
  }
  return { ...entry, latest: latest.latest, retraction: latest.retraction };
}

/** Every published version of an article, oldest first, with its correction note; null while unpublished. */
export async function findVersions(slug: string) {
  const article = await db().article.findFirst({
    where: { slug, deletedAt: null, publications: { some: {} } },
    select: {
      title: true,
      publications: { orderBy: { number: 'asc' }, select: { number: true, publishedAt: true, correctionNote: true } },
      retractions: { orderBy: { createdAt: 'asc' }, select: { reason: true, createdAt: true } },
    },
  });
  if (!article) return null;
  const latest = await latestVersion(slug);
  return { slug, title: article.title, versions: article.publications, retractions: article.retractions, retraction: latest?.retraction ?? null };
}

/** Published fact-checks, newest first (by their latest version), `limit` from `offset`. */
export async function listPublished(limit = 50, offset = 0) {
  const rows = await db().article.findMany({
    where: { status: 'PUBLISHED', deletedAt: null },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    skip: offset,
    select: { title: true, slug: true, publications: { orderBy: { number: 'desc' }, take: 1, select: { publishedAt: true, number: true, snapshot: true } } },
  });
  return rows.flatMap((a) => {
    const p = a.publications[0];
    if (!p) return [];
    const claims = (p.snapshot as { claims?: unknown[] }).claims?.length ?? 0;
    return [{ title: a.title, slug: a.slug, publishedAt: p.publishedAt, version: p.number, claimCount: claims }];
  });
}
