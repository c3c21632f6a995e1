import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export interface ArticleSummary {
  id: string;
  title: string;
  slug: string;
  claimCount: number;
  isSample: boolean;
  updatedAt: Date;
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
