import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import type { PublicationSnapshot } from '@/lib/publishing/snapshot';
import { contentOfReview, reviewedContentOf, sameContent, type ReviewedContent } from '@/lib/review/reviewed-content';
import { findAlsoChecked } from '@/lib/data/claim-memory/also-checked';
import { type ClaimDetailFields, toClaimDetailDto } from '@/lib/data/claims/claim-detail-dto';

/**
 * What an approved claim publishes: the content its approval recorded, never the live rows. The lifecycle
 * sends a claim back to draft on any change, so the two are equal; if they ever differ (or the approval
 * recorded nothing), publishing is refused rather than putting out words nobody approved.
 */
function approvedContent(row: ClaimDetailFields & { id: string; exact: string }): ReviewedContent {
  const approved = contentOfReview(row.reviews[0] && (row.reviews[0] as { snapshot?: unknown }).snapshot);
  const what = `The claim “${row.exact.slice(0, 80)}”`;
  if (!approved)
    throw new AppError('CONFLICT', `${what} has no recorded approval of its content: ask for a new review.`, [
      { path: `claims.${row.id}`, message: 'Needs a new review.' },
    ]);
  if (!sameContent(approved, reviewedContentOf(toClaimDetailDto(row)))) {
    throw new AppError('CONFLICT', `${what} changed since it was approved: it needs a new review.`, [
      { path: `claims.${row.id}`, message: 'Changed since its approval.' },
    ]);
  }
  return approved;
}

/**
 * The snapshot version `number` would freeze: the text, the approved claims with their verdicts, ratings
 * (as they are now), sources, fact-checkers and the organisation. Drafts and claims in review stay out.
 */
export async function buildSnapshot(
  tx: Tx,
  articleId: string,
  number: number,
  correctionNote: string | null,
  publishedAt: Date,
): Promise<PublicationSnapshot> {
  const article = await tx.article.findFirst({ where: { id: articleId, deletedAt: null } });
  if (!article) throw notFound('No article with this id.');
  // One after another: a transaction is one connection.
  const settings = await tx.organisationSettings.upsert({
    where: { id: 'default' },
    create: { id: 'default' },
    update: {},
  });
  const rows = await tx.claim.findMany({
    where: { articleId, status: 'APPROVED', deletedAt: null, detachedAt: null },
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
    include: {
      verdict: { include: { rating: true, author: { select: { name: true } } } },
      sources: { include: { source: true }, orderBy: { position: 'asc' } },
      reviews: {
        where: { decision: 'APPROVED' },
        orderBy: { createdAt: 'desc' },
        take: 1,
        include: { reviewer: { select: { name: true } } },
      },
    },
  });
  const claims = rows.map((row) => ({ row, approved: approvedContent(row) }));
  const alsoChecked = await findAlsoChecked(
    tx,
    rows.map((r) => r.id),
  );
  const ratings = await tx.rating.findMany({ where: { active: true, value: { not: null } }, select: { value: true } });
  const values = ratings.map((r) => r.value as number);
  return {
    article: {
      id: article.id,
      title: article.title,
      slug: article.slug,
      language: article.language,
      sourceUrl: article.sourceUrl,
      publisher: article.publisher,
      byline: article.byline,
      originalPublishedAt: article.originalPublishedAt?.toISOString() ?? null,
      content: article.content,
      plainText: article.plainText,
    },
    claims: claims.flatMap(({ row: c, approved }) => {
      const rating = c.verdict?.rating;
      if (!rating) return [];
      return [
        {
          id: c.id,
          exact: approved.quote,
          prefix: c.prefix,
          suffix: c.suffix,
          start: c.start,
          end: c.end,
          statedClaim: approved.statedClaim,
          claimReviewed: approved.claimReviewed || approved.quote.slice(0, 75),
          claimant: approved.claimant,
          claimantRole: approved.claimantRole,
          claimDate: approved.claimDate,
          appearanceUrl: approved.appearanceUrl,
          // The rating as the reviewer approved it, not as an admin may have renamed or revalued it since.
          rating: {
            label: approved.rating?.label ?? rating.label,
            colour: approved.rating?.colour ?? rating.colour,
            value: approved.rating?.value === undefined ? rating.value : approved.rating.value,
            description: approved.rating?.description ?? rating.description,
          },
          shortVerdict: approved.shortVerdict,
          explanation: approved.explanation,
          sources: approved.sources.map((source) => ({ ...source })),
          ...(alsoChecked.has(c.id) ? { alsoChecked: alsoChecked.get(c.id) } : {}),
        },
      ];
    }),
    factCheckers: [...new Set(claims.map(({ row }) => row.verdict?.author?.name).filter((n): n is string => !!n))],
    organisation: {
      name: settings.name,
      url: settings.url,
      logoUrl: settings.logoUrl,
      methodologyUrl: settings.methodologyUrl,
      correctionsPolicyUrl: settings.correctionsPolicyUrl,
    },
    scale: {
      bestRating: values.length ? Math.max(...values) : null,
      worstRating: values.length ? Math.min(...values) : null,
    },
    publishedAt: publishedAt.toISOString(),
    number,
    correctionNote: number > 1 ? correctionNote : null,
  };
}
