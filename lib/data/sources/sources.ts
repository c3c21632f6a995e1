import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { fetchPageMetadata, type PageMetadata } from '@/lib/importing/page-metadata';
import type { AddSourceInput, ClaimDetailDto, UpdateSourceInput } from '@/lib/validation/verdicts';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { kindValues, toSourceDto } from '@/lib/data/claims/claim-detail-dto';
import { changeReviewedContent } from '@/lib/data/claims/lifecycle';

/** Metadata of the page when it can be reached under the import rules; manual entry works without it. */
async function metadataIfReachable(url: string): Promise<PageMetadata | null> {
  try {
    return await fetchPageMetadata(url);
  } catch {
    return null;
  }
}

/** Adds a source to a claim: a new one by URL (its title, publisher and date fetched when missing) or one from the library. */
export async function addSource(actor: Actor | null, claimId: string, input: AddSourceInput): Promise<ClaimDetailDto> {
  authorize(actor, 'editArticles');
  const fetched =
    'url' in input && (!input.title || !input.publisher || !input.publishedAt)
      ? await metadataIfReachable(input.url)
      : null;
  return db().$transaction(async (tx) => {
    const { claim } = await changeReviewedContent(tx, actor, claimId, async () => {
      let sourceId: string;
      if ('sourceId' in input) {
        // Shared: an edit of it through another claim now copies it rather than changing it under this one.
        const known = await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Source" WHERE id = ${input.sourceId} FOR SHARE`;
        if (!known[0])
          throw new AppError('UNPROCESSABLE', 'No source with this id in the library.', [
            { path: 'sourceId', message: 'Unknown source.' },
          ]);
        sourceId = known[0].id;
      } else {
        const created = await tx.source.create({
          data: {
            url: input.url,
            title: input.title || fetched?.title || input.url,
            publisher: input.publisher || fetched?.publisher || null,
            publishedAt: input.publishedAt ? new Date(input.publishedAt) : (fetched?.publishedAt ?? null),
            accessedAt: new Date(),
            archivedUrl: input.archivedUrl ?? null,
            kind: kindValues[input.kind],
            createdById: actor.id,
          },
        });
        sourceId = created.id;
      }
      if (await tx.claimSource.findUnique({ where: { claimId_sourceId: { claimId, sourceId } } })) {
        throw new AppError('CONFLICT', 'This source is already listed for the claim.', [
          { path: 'sourceId', message: 'Already added.' },
        ]);
      }
      const last = await tx.claimSource.aggregate({ where: { claimId }, _max: { position: true } });
      await tx.claimSource.create({
        data: { claimId, sourceId, excerpt: input.excerpt ?? '', position: (last._max.position ?? -1) + 1 },
      });
      await recordAudit(tx, actor, {
        action: 'source.add',
        entityType: 'Claim',
        entityId: claimId,
        after: { sourceId, excerpt: input.excerpt ?? '' },
      });
    });
    return claim;
  });
}

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

export async function removeSource(actor: Actor | null, claimId: string, sourceId: string): Promise<void> {
  authorize(actor, 'editArticles');
  await db().$transaction(async (tx) => {
    await changeReviewedContent(tx, actor, claimId, async () => {
      const { count } = await tx.claimSource.deleteMany({ where: { claimId, sourceId } });
      if (count === 0) throw notFound('This source is not listed for the claim.');
      await recordAudit(tx, actor, {
        action: 'source.remove',
        entityType: 'Claim',
        entityId: claimId,
        before: { sourceId },
      });
    });
  });
}

/** The organisation's source library, searched by URL or title. */
export async function searchSources(actor: Actor | null, q: string) {
  authorize(actor, 'readNewsroom');
  // Searched for as typed: `%`, `_` and `\` are LIKE's wildcards and escape, so they are escaped.
  const term = q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db().source.findMany({
    where: term
      ? { OR: [{ url: { contains: term, mode: 'insensitive' } }, { title: { contains: term, mode: 'insensitive' } }] }
      : {},
    orderBy: { createdAt: 'desc' },
    take: 25,
  });
  return { items: rows.map(toSourceDto), nextCursor: null };
}
