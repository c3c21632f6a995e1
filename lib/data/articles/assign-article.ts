import 'server-only';
import { authorize, type Actor, type Role } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError, notFound, type FieldError } from '@/lib/errors';
import type { AssignmentInput } from '@/lib/validation/articles';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { getAssignment } from './get-assignment';

/** Assigns a fact-checker (an editor), a reviewer and a due date; content and its version are untouched. */
export async function setAssignment(actor: Actor | null, articleId: string, input: AssignmentInput) {
  authorize(actor, 'editArticles');
  await db().$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, deletedAt: null } });
    if (!article) throw notFound('No article with this id.');
    const errors: FieldError[] = [];
    const check = async (id: string | null, role: Role, path: string, what: string) => {
      if (!id) return;
      const user = await tx.user.findUnique({ where: { id } });
      if (!user || user.disabled || !user.roles.includes(role))
        errors.push({ path, message: `Choose an active ${what}.` });
    };
    await check(input.factCheckerId, 'EDITOR', 'factCheckerId', 'editor');
    await check(input.reviewerId, 'REVIEWER', 'reviewerId', 'reviewer');
    if (errors.length > 0) throw new AppError('UNPROCESSABLE', 'The assignment was not saved.', errors);
    await tx.article.update({
      where: { id: articleId },
      data: {
        factCheckerId: input.factCheckerId,
        reviewerId: input.reviewerId,
        dueDate: input.dueDate ? new Date(input.dueDate) : null,
      },
    });
    await recordAudit(tx, actor, {
      action: 'article.assign',
      entityType: 'Article',
      entityId: articleId,
      before: {
        factCheckerId: article.factCheckerId,
        reviewerId: article.reviewerId,
        dueDate: article.dueDate?.toISOString() ?? null,
      },
      after: input,
    });
  });
  return getAssignment(actor, articleId);
}
