import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { claimDisplayState, type ClaimDisplayState } from './claim-state';

export interface ArticleSummary {
  id: string;
  title: string;
  slug: string;
  claimCount: number;
  isSample: boolean;
  updatedAt: Date;
}

export interface ClaimView {
  id: string;
  exact: string;
  start: number;
  claimantName: string | null;
  claimantRole: string | null;
  state: ClaimDisplayState;
  rating: { label: string; colour: string } | null;
  shortVerdict: string | null;
}

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

/** The front page's list; until publishing exists it shows the newsroom's articles by title. */
export async function listFrontPageArticles(): Promise<ArticleSummary[]> {
  return queryArticles();
}

export async function listArticles(actor: Actor | null): Promise<ArticleSummary[]> {
  authorize(actor, 'readNewsroom');
  return queryArticles();
}

async function queryArticles(): Promise<ArticleSummary[]> {
  const rows = await db().article.findMany({
    where: { deletedAt: null },
    orderBy: { updatedAt: 'desc' },
    take: 50,
    select: {
      id: true,
      title: true,
      slug: true,
      isSample: true,
      updatedAt: true,
      _count: { select: { claims: { where: { deletedAt: null } } } },
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
        where: { deletedAt: null },
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
