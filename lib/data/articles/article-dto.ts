import 'server-only';
import type { Claim, Prisma, Rating, Verdict } from '@/lib/generated/prisma/client';
import type { ArticleDto, ClaimDto } from '@/lib/validation/articles';

export const claimInclude = { verdict: { include: { rating: true } } } as const;
export type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;
/** What a claim's DTO is made of: a ClaimRow, or the same fields read by hand-written SQL. */
export type ClaimFields = Claim & {
  verdict: (Pick<Verdict, 'shortVerdict'> & { rating: Pick<Rating, 'id' | 'label' | 'colour'> | null }) | null;
};
export type ArticleRow = Prisma.ArticleGetPayload<object>;

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

export function toArticleDto(a: ArticleRow, claims: ClaimRow[]): ArticleDto {
  const live = claims.filter((c) => !c.deletedAt);
  return {
    id: a.id,
    title: a.title,
    slug: a.slug,
    status: a.status,
    version: a.version,
    claimCount: live.filter((c) => !c.detachedAt).length,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    sourceUrl: a.sourceUrl,
    publisher: a.publisher,
    byline: a.byline,
    originalPublishedAt: a.originalPublishedAt?.toISOString() ?? null,
    language: a.language,
    content: a.content as Record<string, unknown>,
    plainText: a.plainText,
    claims: live.sort((x, y) => x.start - y.start || y.end - x.end).map(toClaimDto),
  };
}
