import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { liveCollab } from '@/lib/collab/live';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { LARGE_TEXT_CHARS, yieldToLoop } from '@/lib/scheduling/yield-to-loop';
import type { ArticleDto, UpdateArticleInput } from '@/lib/validation/articles';
import { claimInclude } from '@/lib/data/claims/claim-dto';
import { toArticleDto } from './article-dto';
import { parseContent, syncClaims, writeArticleText } from './article-content';
import { recordAudit } from '@/lib/data/audit/record-audit';

/**
 * Saves title and/or content if `baseVersion` is still the stored version (409 otherwise), and brings
 * the claims in line with the document in the same transaction.
 */
export async function saveArticle(actor: Actor | null, id: string, input: UpdateArticleInput): Promise<ArticleDto> {
  authorize(actor, 'editArticles');
  const doc = input.content === undefined ? null : parseContent(input.content, 'content', 'refuse');
  if (doc && doc.content.size >= LARGE_TEXT_CHARS) await yieldToLoop();
  const saved = await db().$transaction(async (tx) => {
    const current = await tx.article.findFirst({ where: { id, deletedAt: null } });
    if (!current) throw notFound('No article with this id.');
    // The conditional update is the lock: of two saves based on the same version, one wins.
    const { count } = await tx.article.updateMany({
      where: { id, version: input.baseVersion },
      data: { version: { increment: 1 }, updatedById: actor.id, ...(input.title ? { title: input.title } : {}) },
    });
    if (count === 0) {
      throw new AppError(
        'CONFLICT',
        `The article was changed by someone else (now version ${current.version}, your edit is based on ${input.baseVersion}).`,
        [{ path: 'baseVersion', message: `Stale: the current version is ${current.version}.` }],
      );
    }
    let written: { content: Prisma.JsonObject; plainText: string } | null = null;
    if (doc) {
      const { plain } = await syncClaims(tx, actor, id, doc, input.deleteClaims);
      if (!plain.trim())
        throw new AppError('UNPROCESSABLE', 'The article cannot be empty.', [
          { path: 'content', message: 'The article has no text.' },
        ]);
      written = { content: await writeArticleText(tx, id, doc, plain), plainText: plain };
    }
    await recordAudit(tx, actor, {
      action: 'article.update',
      entityType: 'Article',
      entityId: id,
      before: { version: current.version, title: current.title },
      after: { version: current.version + 1, title: input.title ?? current.title, contentChanged: doc !== null },
    });
    // What was just written is not read back: for a long article that is megabytes parsed again.
    const article = written
      ? {
          ...(await tx.article.findUniqueOrThrow({ where: { id }, omit: { content: true, plainText: true } })),
          ...written,
        }
      : await tx.article.findUniqueOrThrow({ where: { id } });
    const claims = await tx.claim.findMany({ where: { articleId: id, deletedAt: null }, include: claimInclude });
    return toArticleDto(article, claims);
  });
  // People editing the article live see the saved text; their own edits since merge into it.
  if (doc) await liveCollab()?.applyContent(id, saved.content, actor, saved.version);
  return saved;
}
