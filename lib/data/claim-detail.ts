import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ClaimDetailDto, SourceKindName } from '@/lib/validation/verdicts';
import { toClaimDto } from './article-dto';

export const claimDetailInclude = {
  verdict: { include: { rating: true } },
  sources: { include: { source: true }, orderBy: { position: 'asc' } },
  reviews: { orderBy: { createdAt: 'desc' }, take: 1, include: { reviewer: { select: { name: true } } } },
} as const satisfies Prisma.ClaimInclude;
type ClaimDetailRow = Prisma.ClaimGetPayload<{ include: typeof claimDetailInclude }>;

const kindNames: Record<string, SourceKindName> = {
  PRIMARY_DOCUMENT: 'primary',
  OFFICIAL_DATA: 'official-data',
  EXPERT: 'expert',
  NEWS_REPORT: 'news',
  OTHER: 'other',
};
export const kindValues = {
  primary: 'PRIMARY_DOCUMENT',
  'official-data': 'OFFICIAL_DATA',
  expert: 'EXPERT',
  news: 'NEWS_REPORT',
  other: 'OTHER',
} as const satisfies Record<SourceKindName, string>;

export function toSourceDto(s: ClaimDetailRow['sources'][number]['source']) {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    accessedAt: s.accessedAt?.toISOString() ?? null,
    archivedUrl: s.archivedUrl,
    kind: kindNames[s.kind] ?? 'other',
  };
}

export function toClaimDetailDto(c: ClaimDetailRow): ClaimDetailDto {
  const last = c.reviews[0];
  return {
    ...toClaimDto(c),
    explanation: (c.verdict?.explanation as Record<string, unknown> | null) ?? null,
    sources: c.sources.map((cs) => ({ ...toSourceDto(cs.source), excerpt: cs.excerpt, position: cs.position })),
    lastReview: last
      ? {
          decision: last.decision === 'APPROVED' ? 'approve' : 'request_changes',
          comment: last.comment,
          reviewer: last.reviewer?.name ?? null,
          claimVersion: last.claimVersion,
          createdAt: last.createdAt.toISOString(),
        }
      : null,
  };
}

/**
 * An approval (or a pending review) covers the claim as it was: any change to its verdict, sources or
 * words sends it back to draft and moves its version on.
 */
export async function markClaimChanged(tx: Tx, claimId: string, actorId: string): Promise<void> {
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } });
  await tx.claim.update({
    where: { id: claimId },
    data: {
      version: { increment: 1 },
      updatedById: actorId,
      ...(claim.status === 'APPROVED' || claim.status === 'IN_REVIEW' ? { status: 'DRAFT' } : {}),
    },
  });
}
