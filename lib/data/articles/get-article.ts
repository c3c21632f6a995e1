import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { ArticleDto } from '@/lib/validation/articles';
import { claimInclude } from '@/lib/data/claims/claim-dto';
import { toArticleDto } from './article-dto';

/** An article with its claims, for the editor and GET /api/v1/articles/{id}. */
export async function getArticle(actor: Actor | null, id: string): Promise<ArticleDto> {
  authorize(actor, 'readNewsroom');
  const article = await db().article.findFirst({ where: { id, deletedAt: null } });
  if (!article) throw notFound('No article with this id.');
  const claims = await db().claim.findMany({ where: { articleId: id, deletedAt: null }, include: claimInclude });
  return toArticleDto(article, claims);
}
