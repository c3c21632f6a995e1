import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ArticleDto } from '@/lib/validation/articles';
import { toClaimDto, type ClaimRow } from '@/lib/data/claims/claim-dto';

export type ArticleRow = Prisma.ArticleGetPayload<object>;

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
