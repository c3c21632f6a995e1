import 'server-only';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ClaimDetailDto, SourceKindName } from '@/lib/validation/verdicts';

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
  const rating = c.verdict?.rating ?? null;
  return {
    id: c.id,
    articleId: c.articleId,
    version: c.version,
    status: c.status,
    quote: { exact: c.exact, prefix: c.prefix, suffix: c.suffix },
    position: { start: c.start, end: c.end },
    statedClaim: c.statedClaim,
    claimReviewed: c.claimReviewed,
    claimant: c.claimantName,
    claimantRole: c.claimantRole,
    claimDate: c.claimDate?.toISOString() ?? null,
    appearanceUrl: c.appearanceUrl,
    rating: rating && { id: rating.id, label: rating.label, colour: rating.colour },
    shortVerdict: c.verdict?.shortVerdict || null,
    explanation: (c.verdict?.explanation as Record<string, unknown> | null) ?? null,
    sources: c.sources.map((cs) => ({ ...toSourceDto(cs.source), excerpt: cs.excerpt, position: cs.position })),
    detached: c.detachedAt !== null,
    deletedAt: c.deletedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    lastReview: c.reviews[0]
      ? {
          decision: c.reviews[0].decision === 'APPROVED' ? 'approve' : 'request_changes',
          comment: c.reviews[0].comment,
          reviewer: c.reviews[0].reviewer?.name ?? null,
          claimVersion: c.reviews[0].claimVersion,
          createdAt: c.reviews[0].createdAt.toISOString(),
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
