import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { ClaimDetailDto, UpdateSourceInput } from '@/lib/validation/verdicts';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { kindValues, toSourceDto } from '@/lib/data/sources/source-dto';
import { changeReviewedContent } from '@/lib/data/claims/lifecycle';

/**
 * Changes a source's details, its excerpt for this claim, or its place in the claim's list. A library source
 * that other claims cite is copied on write: this claim gets its own edited copy, and what the others cite
 * (and what their approvals cover) does not change under them.
 */
export async function updateSource(
  actor: Actor | null,
  claimId: string,
  sourceId: string,
  input: UpdateSourceInput,
): Promise<ClaimDetailDto> {
  authorize(actor, 'editArticles');
  return db().$transaction(async (tx) => {
    const { claim } = await changeReviewedContent(tx, actor, claimId, async () => {
      const link = await tx.claimSource.findUnique({
        where: { claimId_sourceId: { claimId, sourceId } },
        include: { source: true },
      });
      if (!link) throw notFound('This source is not listed for the claim.');
      const { excerpt, position, kind, publishedAt, ...fields } = input;
      const details = {
        ...fields,
        ...(kind ? { kind: kindValues[kind] } : {}),
        ...(publishedAt !== undefined ? { publishedAt: publishedAt ? new Date(publishedAt) : null } : {}),
      };
      let citedId = sourceId;
      if (Object.keys(details).length > 0) {
        // The row lock keeps another claim from starting to cite the source between the count and the edit.
        await tx.$queryRaw`SELECT id FROM "Source" WHERE id = ${sourceId} FOR UPDATE`;
        const others = await tx.claimSource.count({ where: { sourceId, claimId: { not: claimId } } });
        if (others > 0) {
          const {
            url,
            title,
            publisher,
            publishedAt: published,
            accessedAt,
            archivedUrl,
            kind: sourceKind,
          } = link.source;
          const copy = { url, title, publisher, publishedAt: published, accessedAt, archivedUrl, kind: sourceKind };
          citedId = (await tx.source.create({ data: { ...copy, ...details, createdById: actor.id } })).id;
          await tx.claimSource.update({ where: { id: link.id }, data: { sourceId: citedId } });
        } else {
          await tx.source.update({ where: { id: sourceId }, data: details });
        }
      }
      if (excerpt !== undefined) await tx.claimSource.update({ where: { id: link.id }, data: { excerpt } });
      if (position !== undefined) {
        const order = (await tx.claimSource.findMany({ where: { claimId }, orderBy: { position: 'asc' } })).filter(
          (cs) => cs.id !== link.id,
        );
        order.splice(Math.min(position, order.length), 0, link);
        for (const [index, cs] of order.entries())
          await tx.claimSource.update({ where: { id: cs.id }, data: { position: index } });
      }
      await recordAudit(tx, actor, {
        action: 'source.update',
        entityType: 'Claim',
        entityId: claimId,
        before: { source: toSourceDto(link.source), excerpt: link.excerpt },
        after: { ...input, ...(citedId !== sourceId ? { copiedTo: citedId } : {}) },
      });
    });
    return claim;
  });
}
