import 'server-only';
import type { Claim, Prisma, Rating, Verdict } from '@/lib/generated/prisma/client';
import type { ClaimDto } from '@/lib/validation/articles';

export const claimInclude = { verdict: { include: { rating: true } } } as const;
export type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;
/** What a claim's DTO is made of: a ClaimRow, or the same fields read by hand-written SQL. */
export type ClaimFields = Claim & {
  verdict: (Pick<Verdict, 'shortVerdict'> & { rating: Pick<Rating, 'id' | 'label' | 'colour'> | null }) | null;
};

export function toClaimDto(c: ClaimFields): ClaimDto {
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
    detached: c.detachedAt !== null,
    deletedAt: c.deletedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
