import 'server-only';
import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { sqlTransaction } from '@/lib/db/sql';
import { documentFromText } from '@/lib/editor/schema';
import { AppError, notFound } from '@/lib/errors';
import { reviewedContentOf, sameContent } from '@/lib/review/reviewed-content';
import type { ClaimDetailDto, UpdateClaimInput } from '@/lib/validation/verdicts';
import { parseContent } from '@/lib/data/articles/article-content';
import { recordAuditSql } from '@/lib/data/audit/record-audit';
import { CLAIM_DETAIL_SQL, readClaimDetail, toClaimDetailDto } from './claim-detail-dto';
import { CONTENT_CHANGED_SQL } from './lifecycle';

/**
 * The claim's detail (CLAIM_DETAIL_SQL), its row locked: two saves based on the same version must not both
 * pass the check, and a review of the claim waits for the save (or the save for the review).
 */
export const LOCK_CLAIM_DETAIL_SQL = `${CLAIM_DETAIL_SQL} AND c."deletedAt" IS NULL
  AND EXISTS (SELECT 1 FROM "Article" a WHERE a.id = c."articleId" AND a."deletedAt" IS NULL) FOR UPDATE OF c`;

const claimColumns = {
  statedClaim: 'statedClaim',
  claimReviewed: 'claimReviewed',
  claimant: 'claimantName',
  claimantRole: 'claimantRole',
  claimDate: 'claimDate',
  appearanceUrl: 'appearanceUrl',
} as const satisfies Partial<Record<keyof UpdateClaimInput, string>>;

/**
 * The claim's UPDATE for a change of its reviewed content: the given columns (a timestamp as an ISO string),
 * then as CONTENT_CHANGED_SQL — the next version, the actor among its authors, back to draft from review.
 */
export function updateClaimSql(id: string, actorId: string, columns: [string, unknown][]) {
  const sets = columns.map(([column], i) => `"${column}" = $${i + 3}`);
  return {
    text: CONTENT_CHANGED_SQL.replace(
      'UPDATE "Claim" SET ',
      `UPDATE "Claim" SET ${sets.map((set) => `${set}, `).join('')}`,
    ),
    values: [id, actorId, ...columns.map(([, value]) => value)],
  };
}

/** The verdict's INSERT … ON CONFLICT: the given columns (explanation as JSON text or null) on a new or the existing verdict. */
export function upsertVerdictSql(claimId: string, actorId: string, columns: [string, unknown][]) {
  const names = columns.map(([column]) => `"${column}"`);
  const params = columns.map(([column], i) => (column === 'explanation' ? `$${i + 4}::jsonb` : `$${i + 4}`));
  return {
    text: `INSERT INTO "Verdict" (id, "claimId", "authorId", "updatedById", "updatedAt"${names.map((n) => `, ${n}`).join('')})
      VALUES ($1, $2, $3, $3, now()${params.map((p) => `, ${p}`).join('')})
      ON CONFLICT ("claimId") DO UPDATE SET ${['"updatedById"', '"updatedAt"', ...names].map((n) => `${n} = EXCLUDED.${n}`).join(', ')}`,
    values: [randomUUID(), claimId, actorId, ...columns.map(([, value]) => value)],
  };
}

/** The claim as it would read after `input`, for comparing reviewed content before writing anything. */
function applyInput(
  claim: ClaimDetailDto,
  input: UpdateClaimInput,
  explanation: Record<string, unknown> | null | undefined,
): ClaimDetailDto {
  const pick = <K extends keyof typeof claimColumns>(field: K) =>
    input[field] === undefined ? claim[field] : input[field];
  return {
    ...claim,
    statedClaim: input.statedClaim ?? claim.statedClaim,
    claimReviewed: input.claimReviewed ?? claim.claimReviewed,
    claimant: pick('claimant') ?? null,
    claimantRole: pick('claimantRole') ?? null,
    claimDate:
      input.claimDate === undefined ? claim.claimDate : input.claimDate && new Date(input.claimDate).toISOString(),
    appearanceUrl: pick('appearanceUrl') ?? null,
    rating:
      input.rating === undefined
        ? claim.rating
        : input.rating === null
          ? null
          : { id: input.rating, label: claim.rating?.id === input.rating ? claim.rating.label : '', colour: '' },
    shortVerdict: input.shortVerdict === undefined ? claim.shortVerdict : input.shortVerdict,
    explanation: explanation === undefined ? claim.explanation : explanation,
  };
}

/**
 * Saves the claim's fields and its verdict if `baseVersion` is current (409 otherwise). Values equal to the
 * stored ones (compared canonically) change nothing; any real change of reviewed content is recorded by the
 * claim lifecycle's rule (next version, the actor an author, back to draft from review or approval).
 * Written in SQL on the app's pool rather than through Prisma: this is the editor's autosave and the API's
 * busiest write, and Prisma's runtime doubled its CPU per save (`npm run bench:api`).
 */
export async function updateClaim(actor: Actor | null, id: string, input: UpdateClaimInput): Promise<ClaimDetailDto> {
  authorize(actor, 'editArticles');
  const explanation =
    input.explanation === undefined
      ? undefined
      : input.explanation === null
        ? null
        : typeof input.explanation === 'string'
          ? documentFromText(input.explanation)
          : input.explanation;
  const explanationJson =
    explanation === undefined
      ? undefined
      : explanation === null
        ? null
        : (parseContent(explanation, 'explanation', 'refuse').toJSON() as Record<string, unknown>);
  return sqlTransaction(async (client) => {
    const row = await readClaimDetail(client, id, LOCK_CLAIM_DETAIL_SQL);
    if (!row) throw notFound('No claim with this id.');
    if (row.version !== input.baseVersion) {
      throw new AppError('CONFLICT', `The claim was changed by someone else (now version ${row.version}).`, [
        { path: 'baseVersion', message: `Stale: the current version is ${row.version}.` },
      ]);
    }
    const claim = toClaimDetailDto(row);
    if (input.rating && input.rating !== claim.rating?.id) {
      const rating = (
        await client.query<{ active: boolean }>('SELECT active FROM "Rating" WHERE id = $1', [input.rating])
      ).rows[0];
      if (!rating?.active) {
        throw new AppError('UNPROCESSABLE', 'The claim was not saved.', [
          { path: 'rating', message: rating ? 'This rating is no longer in use.' : 'No rating with this id.' },
        ]);
      }
    }
    if (sameContent(reviewedContentOf(claim), reviewedContentOf(applyInput(claim, input, explanationJson))))
      return claim;

    const claimFields = Object.entries(claimColumns).flatMap(([field, column]): [string, unknown][] => {
      const value = input[field as keyof typeof claimColumns];
      if (value === undefined) return [];
      return [[column, field === 'claimDate' && value !== null ? new Date(value).toISOString() : value]];
    });
    const update = updateClaimSql(id, actor.id, claimFields);
    await client.query(update.text, update.values);
    const verdictFields: [string, unknown][] = [
      ...(input.rating !== undefined ? [['ratingId', input.rating] as [string, unknown]] : []),
      ...(input.shortVerdict !== undefined ? [['shortVerdict', input.shortVerdict] as [string, unknown]] : []),
      ...(explanationJson !== undefined
        ? [['explanation', explanationJson === null ? null : JSON.stringify(explanationJson)] as [string, unknown]]
        : []),
    ];
    if (verdictFields.length > 0) {
      const upsert = upsertVerdictSql(id, actor.id, verdictFields);
      await client.query(upsert.text, upsert.values);
    }
    await recordAuditSql(client, actor, {
      action: 'claim.update',
      entityType: 'Claim',
      entityId: id,
      before: {
        version: claim.version,
        status: claim.status,
        ratingId: claim.rating?.id ?? null,
        shortVerdict: claim.shortVerdict,
      },
      after: { ...input, explanation: input.explanation === undefined ? undefined : '(changed)' },
    });
    const saved = await readClaimDetail(client, id);
    if (!saved) throw notFound('No claim with this id.');
    return toClaimDetailDto(saved);
  });
}
