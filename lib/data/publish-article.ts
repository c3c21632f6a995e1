import 'server-only';
import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db, type Tx } from '@/lib/db';
import { AppError, notFound, type FieldError } from '@/lib/errors';
import { renderReaderPage } from '@/lib/publishing/render-reader';
import { publicOrigin } from '@/lib/publishing/public-origin';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';
import { forgetLatest } from './reader';


const KIND_NAMES: Record<string, string> = { PRIMARY_DOCUMENT: 'primary', OFFICIAL_DATA: 'official-data', EXPERT: 'expert', NEWS_REPORT: 'news', OTHER: 'other' };

/** Why an article cannot be published now, by field; empty when it can. */
export async function publishProblems(tx: Tx, articleId: string, number: number, correctionNote: string | null): Promise<FieldError[]> {
  const settings = await tx.organisationSettings.findUnique({ where: { id: 'default' } });
  const problems: FieldError[] = [];
  if (!settings?.name) problems.push({ path: 'settings.name', message: 'Set the organisation’s name in Settings.' });
  if (!settings?.url) problems.push({ path: 'settings.url', message: 'Set the organisation’s website in Settings.' });
  if (!settings?.correctionsPolicyUrl) problems.push({ path: 'settings.correctionsPolicyUrl', message: 'Set the corrections policy page in Settings.' });
  const approved = await tx.claim.count({ where: { articleId, status: 'APPROVED', deletedAt: null, detachedAt: null } });
  if (approved === 0) problems.push({ path: 'claims', message: 'At least one claim must be approved.' });
  if (number > 1 && !correctionNote?.trim()) problems.push({ path: 'correctionNote', message: 'Say what this new version corrects.' });
  return problems;
}

/**
 * The snapshot version `number` would freeze: the text, the approved claims with their verdicts, ratings
 * (as they are now), sources, fact-checkers and the organisation. Drafts and claims in review stay out.
 */
export async function buildSnapshot(tx: Tx, articleId: string, number: number, correctionNote: string | null, publishedAt: Date): Promise<PublicationSnapshot> {
  const article = await tx.article.findFirst({ where: { id: articleId, deletedAt: null } });
  if (!article) throw notFound('No article with this id.');
  // One after another: a transaction is one connection.
  const settings = await tx.organisationSettings.upsert({ where: { id: 'default' }, create: { id: 'default' }, update: {} });
  const claims = await tx.claim.findMany({
    where: { articleId, status: 'APPROVED', deletedAt: null, detachedAt: null },
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
    include: { verdict: { include: { rating: true, author: { select: { name: true } } } }, sources: { include: { source: true }, orderBy: { position: 'asc' } } },
  });
  const ratings = await tx.rating.findMany({ where: { active: true, value: { not: null } }, select: { value: true } });
  const values = ratings.map((r) => r.value as number);
  return {
    article: {
      id: article.id,
      title: article.title,
      slug: article.slug,
      language: article.language,
      sourceUrl: article.sourceUrl,
      publisher: article.publisher,
      byline: article.byline,
      originalPublishedAt: article.originalPublishedAt?.toISOString() ?? null,
      content: article.content,
      plainText: article.plainText,
    },
    claims: claims
      .filter((c) => c.verdict?.rating)
      .map((c) => ({
        id: c.id,
        exact: c.exact,
        prefix: c.prefix,
        suffix: c.suffix,
        start: c.start,
        end: c.end,
        statedClaim: c.statedClaim,
        claimReviewed: c.claimReviewed || c.exact.slice(0, 75),
        claimant: c.claimantName,
        claimantRole: c.claimantRole,
        claimDate: c.claimDate?.toISOString() ?? null,
        appearanceUrl: c.appearanceUrl,
        rating: { label: c.verdict?.rating?.label ?? '', colour: c.verdict?.rating?.colour ?? '#4b5563', value: c.verdict?.rating?.value ?? null, description: c.verdict?.rating?.description ?? '' },
        shortVerdict: c.verdict?.shortVerdict ?? '',
        explanation: c.verdict?.explanation ?? null,
        sources: c.sources.map((cs) => ({
          url: cs.source.url,
          title: cs.source.title,
          publisher: cs.source.publisher,
          publishedAt: cs.source.publishedAt?.toISOString() ?? null,
          accessedAt: cs.source.accessedAt?.toISOString() ?? null,
          archivedUrl: cs.source.archivedUrl,
          kind: KIND_NAMES[cs.source.kind] ?? 'other',
          excerpt: cs.excerpt,
        })),
      })),
    factCheckers: [...new Set(claims.map((c) => c.verdict?.author?.name).filter((n): n is string => !!n))],
    organisation: { name: settings.name, url: settings.url, logoUrl: settings.logoUrl, methodologyUrl: settings.methodologyUrl, correctionsPolicyUrl: settings.correctionsPolicyUrl },
    scale: { bestRating: values.length ? Math.max(...values) : null, worstRating: values.length ? Math.min(...values) : null },
    publishedAt: publishedAt.toISOString(),
    number,
    correctionNote: number > 1 ? correctionNote : null,
  };}

/** Publishes version N+1 of an article in the caller's transaction, its reader page rendered once. */
export async function createPublication(tx: Tx, actorId: string | null, articleId: string, correctionNote: string | null) {
  // Serializes publications of one article, so numbers never collide or skip.
  await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
  const article = await tx.article.findFirst({ where: { id: articleId, deletedAt: null }, select: { slug: true } });
  if (!article) throw notFound('No article with this id.');
  const last = await tx.publication.aggregate({ where: { articleId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const problems = await publishProblems(tx, articleId, number, correctionNote);
  if (problems.length > 0) throw new AppError('UNPROCESSABLE', 'The article cannot be published yet.', problems);
  const publishedAt = new Date();
  const snapshot = await buildSnapshot(tx, articleId, number, correctionNote, publishedAt);
  // The id is chosen here so the page can link to its own W3C annotations.
  const id = randomUUID();
  const publication = await tx.publication.create({
    data: { id, articleId, number, snapshot: snapshot as object, html: renderReaderPage(snapshot, publicOrigin(), id), correctionNote: snapshot.correctionNote, publishedById: actorId, publishedAt },
  });
  await tx.article.update({ where: { id: articleId }, data: { status: 'PUBLISHED' } });
  await tx.auditLog.create({
    data: { actorId, action: 'publication.create', entityType: 'Article', entityId: articleId, after: { publicationId: publication.id, number, claims: snapshot.claims.length } },
  });
  return { id: publication.id, number, url: `/a/${article.slug}` };
}

export async function publishArticle(actor: Actor | null, articleId: string, input: { correctionNote?: string }) {
  authorize(actor, 'publishArticles');
  const published = await db().$transaction((tx) => createPublication(tx, actor.id, articleId, input.correctionNote ?? null), { timeout: 30_000 });
  forgetLatest(published.url.slice('/a/'.length));
  return published;
}

/** An article's published versions: public once published, 404 otherwise (drafts are not revealed). */
export async function listPublications(articleId: string) {
  const rows = await db().publication.findMany({ where: { articleId }, orderBy: { number: 'asc' }, include: { article: { select: { slug: true } } } });
  if (rows.length === 0) throw notFound('No published article with this id.');
  return {
    items: rows.map((p) => ({ id: p.id, number: p.number, url: `/a/${p.article.slug}/v/${p.number}`, publishedAt: p.publishedAt.toISOString(), correctionNote: p.correctionNote })),
    nextCursor: null,
  };
}

