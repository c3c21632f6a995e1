import 'server-only';
import { db } from '@/lib/db';

export interface ReaderPage {
  id: string;
  number: number;
  html: string;
  latest: number;
  slug: string;
}

// Versions never change, so their pages can be kept in memory on every instance without coordination.
const MAX_PAGES = 500;
const pages = new Map<string, { id: string; number: number; html: string }>();
// Which version is the latest may change (a correction): each instance re-reads it after two seconds.
const LATEST_TTL_MS = 2000;
const latestBySlug = new Map<string, { articleId: string; latest: number; at: number }>();

/** Called after this instance publishes, so its own readers see the new version at once. */
export function forgetLatest(slug: string): void {
  latestBySlug.delete(slug);
}

async function latestVersion(slug: string) {
  const cached = latestBySlug.get(slug);
  if (cached && Date.now() - cached.at < LATEST_TTL_MS) return cached;
  const article = await db().article.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, publications: { orderBy: { number: 'desc' }, take: 1, select: { number: true } } },
  });
  const latest = article?.publications[0]?.number;
  // Unpublished slugs are not remembered: a first publication shows at once.
  if (!article || !latest) return null;
  const entry = { articleId: article.id, latest, at: Date.now() };
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
  return { ...page, latest: latest.latest, slug };
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
