import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fetchPageMetadata, type PageMetadata } from '@/lib/importing/page-metadata';
import type { AddSourceInput, ClaimDetailDto } from '@/lib/validation/verdicts';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { kindValues } from '@/lib/data/sources/source-dto';
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
      // The history names the source as it was when it was cited.
      const cited = await tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: { title: true, url: true } });
      await recordAudit(tx, actor, {
        action: 'source.add',
        entityType: 'Claim',
        entityId: claimId,
        after: { sourceId, source: cited.title, url: cited.url, excerpt: input.excerpt ?? '' },
      });
    });
    return claim;
  });
}
