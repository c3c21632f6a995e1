import 'server-only';
import { authorize, permissions, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';

/** Whether the actor may join the article's live document, and may change it (else they follow read-only). */
export async function checkCollabAccess(actor: Actor | null, articleId: string): Promise<{ canEdit: boolean }> {
  authorize(actor, 'readNewsroom');
  const article = await db().article.findFirst({ where: { id: articleId, deletedAt: null }, select: { id: true } });
  if (!article) throw notFound('No article with this id.');
  return { canEdit: permissions.editArticles(actor) };
}
