import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { claimDisplayState } from '@/lib/review/claim-display-state';
import type { ClaimView } from '@/lib/validation/views';

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
