import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { PageQuery } from '@/lib/validation/common';
import { claimDisplayState } from '@/lib/review/claim-display-state';
import type { ClaimView } from '@/lib/validation/views';
import { pageArgs, toPage } from '@/lib/api/paging';

export interface ArticleSummary {
  id: string;
  title: string;
  slug: string;
  claimCount: number;
  isSample: boolean;
  updatedAt: Date;
}

export type { ClaimView };

export interface ArticleView {
  id: string;
  title: string;
  slug: string;
  language: string;
  byline: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  originalPublishedAt: Date | null;
  isSample: boolean;
  content: JSONContent;
  claims: ClaimView[];
}

export async function listArticles(actor: Actor | null): Promise<ArticleSummary[]> {
  authorize(actor, 'readNewsroom');
  return queryArticles({});
}

async function queryArticles(where: Prisma.ArticleWhereInput): Promise<ArticleSummary[]> {
  const rows = await db().article.findMany({
    where: { deletedAt: null, ...where },
    orderBy: { updatedAt: 'desc' },
    take: 50,
    select: {
      id: true,
      title: true,
      slug: true,
      isSample: true,
      updatedAt: true,
      _count: { select: { claims: { where: { deletedAt: null, detachedAt: null } } } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, claimCount: _count.claims }));
}

export async function getArticleView(actor: Actor | null, id: string): Promise<ArticleView | null> {
  authorize(actor, 'readNewsroom');
  const row = await db().article.findFirst({
    where: { id, deletedAt: null },
    include: {
      claims: {
        where: { deletedAt: null, detachedAt: null },
        orderBy: [{ start: 'asc' }, { end: 'desc' }],
        include: { verdict: { include: { rating: true } } },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    language: row.language,
    byline: row.byline,
    publisher: row.publisher,
    sourceUrl: row.sourceUrl,
    originalPublishedAt: row.originalPublishedAt,
    isSample: row.isSample,
    content: row.content as JSONContent,
    claims: row.claims.map((c) => {
      const rating = c.verdict?.rating ?? null;
      return {
        id: c.id,
        exact: c.exact,
        start: c.start,
        claimantName: c.claimantName,
        claimantRole: c.claimantRole,
        state: claimDisplayState(c.status, rating !== null),
        rating: rating && { label: rating.label, colour: rating.colour },
        shortVerdict: c.verdict?.shortVerdict || null,
      };
    }),
  };
}

/** The API's article list: newest first, paged by cursor. */
export async function listArticleSummaries(actor: Actor | null, query: PageQuery) {
  authorize(actor, 'readNewsroom');
  const rows = await db().article.findMany({
    where: { deletedAt: null },
    ...pageArgs(query),
    include: { _count: { select: { claims: { where: { deletedAt: null, detachedAt: null } } } } },
  });
  return toPage(rows, query, (a) => ({
    id: a.id,
    title: a.title,
    slug: a.slug,
    status: a.status,
    version: a.version,
    claimCount: a._count.claims,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }));
}
