import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { publicationState } from '@/lib/publishing/publication-state';
import { markArticleRetracted, publicationStateSelect } from '@/lib/data/articles/lifecycle';
import { forgetLatest } from './find-published-version';

/**
 * Replaces an article's public page with a retraction notice and its reason. Nothing published is
 * deleted: every version stays readable on record, marked as retracted. Publishing again lifts it.
 */
export async function retractArticle(actor: Actor | null, articleId: string, input: { reason: string }) {
  authorize(actor, 'publishArticles');
  const result = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
    const article = await tx.article.findFirst({
      where: { id: articleId, deletedAt: null },
      select: { slug: true, ...publicationStateSelect },
    });
    if (!article) throw notFound('No article with this id.');
    const { latest, retraction: standing } = publicationState(article);
    if (!latest)
      throw new AppError('UNPROCESSABLE', 'Only a published article can be retracted.', [
        { path: 'articleId', message: 'This article has not been published.' },
      ]);
    if (standing) throw new AppError('CONFLICT', 'This article is already retracted.');
    const retraction = await tx.retraction.create({
      data: { articleId, reason: input.reason, retractedById: actor.id },
    });
    await markArticleRetracted(tx, articleId);
    await recordAudit(tx, actor, {
      action: 'article.retract',
      entityType: 'Article',
      entityId: articleId,
      after: { reason: input.reason },
    });
    return {
      id: retraction.id,
      reason: retraction.reason,
      retractedAt: retraction.createdAt.toISOString(),
      url: `/a/${article.slug}`,
      slug: article.slug,
    };
  });
  forgetLatest(result.slug);
  return { id: result.id, reason: result.reason, retractedAt: result.retractedAt, url: result.url };
}
