import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';

export async function getAssignment(actor: Actor | null, articleId: string) {
  authorize(actor, 'readNewsroom');
  const article = await db().article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: {
      dueDate: true,
      factChecker: { select: { id: true, name: true } },
      reviewer: { select: { id: true, name: true } },
    },
  });
  if (!article) throw notFound('No article with this id.');
  return {
    factChecker: article.factChecker,
    reviewer: article.reviewer,
    dueDate: article.dueDate?.toISOString().slice(0, 10) ?? null,
  };
}
