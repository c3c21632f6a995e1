import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { csvCell } from '@/lib/export/csv-cell';
import { textOf } from '@/lib/export/text-of';

const COLUMNS = [
  'id',
  'status',
  'quote',
  'start',
  'end',
  'claimant',
  'claimant_role',
  'claim_date',
  'claim_reviewed',
  'rating',
  'short_verdict',
  'explanation',
  'sources',
  'updated_at',
] as const;

/** An article's claims with their verdicts and sources as CSV (RFC 4180, UTF-8 with BOM for spreadsheets). */
export async function exportClaimsCsv(
  actor: Actor | null,
  articleId: string,
): Promise<{ filename: string; csv: string }> {
  authorize(actor, 'readNewsroom');
  const article = await db().article.findFirst({ where: { id: articleId, deletedAt: null }, select: { slug: true } });
  if (!article) throw notFound('No article with this id.');
  const claims = await db().claim.findMany({
    where: { articleId, deletedAt: null },
    orderBy: [{ start: 'asc' }, { end: 'desc' }],
    include: {
      verdict: { include: { rating: true } },
      sources: { include: { source: true }, orderBy: { position: 'asc' } },
    },
  });
  const lines = claims.map((c) =>
    [
      c.id,
      c.detachedAt ? 'DETACHED' : c.status,
      c.exact,
      c.start,
      c.end,
      c.claimantName,
      c.claimantRole,
      c.claimDate?.toISOString().slice(0, 10),
      c.claimReviewed,
      c.verdict?.rating?.label,
      c.verdict?.shortVerdict,
      textOf(c.verdict?.explanation),
      c.sources.map((s) => s.source.url).join(' '),
      c.updatedAt.toISOString(),
    ]
      .map(csvCell)
      .join(','),
  );
  return { filename: `${article.slug}-claims.csv`, csv: `\uFEFF${[COLUMNS.join(','), ...lines].join('\r\n')}\r\n` };
}
