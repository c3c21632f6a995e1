import 'server-only';
import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { sqlTransaction } from '@/lib/db/sql';
import { documentFromText } from '@/lib/editor/schema';
import { AppError, notFound, type FieldError } from '@/lib/errors';
import type { ClaimDetailDto, UpdateClaimInput } from '@/lib/validation/verdicts';
import { parseContent } from './article-content';
import { recordAudit, recordAuditSql } from './audit';
import { claimDetailInclude, readClaimDetail, toClaimDetailDto } from './claim-detail';
import { notify } from './notifications';

export async function getClaimDetail(actor: Actor | null, id: string): Promise<ClaimDetailDto> {
  authorize(actor, 'readNewsroom');
  const claim = await db().claim.findFirst({ where: { id, deletedAt: null, article: { deletedAt: null } }, include: claimDetailInclude });
  if (!claim) throw notFound('No claim with this id.');
  return toClaimDetailDto(claim);
}

/**
 * Locks the claim (two saves based on the same version must not both pass the check) and reads what a save
 * checks. The verdict columns can only be stale when the lock waited for another save, which moved the
 * version on: that save's rival gets a 409 whatever they say.
 */
export const LOCK_CLAIM_SQL = `SELECT c.version, c.status, v."ratingId", v."shortVerdict", v.explanation
  FROM "Claim" c LEFT JOIN "Verdict" v ON v."claimId" = c.id WHERE c.id = $1 AND c."deletedAt" IS NULL FOR UPDATE OF c`;
interface LockedClaim {
  version: number;
  status: string;
  ratingId: string | null;
  shortVerdict: string | null;
  explanation: unknown;
}

// Prisma keeps timestamp(3) columns in UTC; now() would be converted to the server's time zone.
const NOW_UTC = `now() AT TIME ZONE 'UTC'`;

const claimColumns = {
  statedClaim: 'statedClaim',
  claimReviewed: 'claimReviewed',
  claimant: 'claimantName',
  claimantRole: 'claimantRole',
  claimDate: 'claimDate',
  appearanceUrl: 'appearanceUrl',
} as const satisfies Partial<Record<keyof UpdateClaimInput, string>>;

/** The claim's UPDATE: the given columns (a timestamp as an ISO string), the next version, back to draft when asked. */
export function updateClaimSql(id: string, actorId: string, columns: [string, unknown][], toDraft: boolean) {
  const sets = columns.map(([column], i) => `"${column}" = $${i + 3}`);
  if (toDraft) sets.push(`status = 'DRAFT'`);
  return {
    text: `UPDATE "Claim" SET ${[...sets, 'version = version + 1', '"updatedById" = $2', `"updatedAt" = ${NOW_UTC}`].join(', ')} WHERE id = $1`,
    values: [id, actorId, ...columns.map(([, value]) => value)],
  };
}

/** The verdict's INSERT … ON CONFLICT: the given columns (explanation as JSON text or null) on a new or the existing verdict. */
export function upsertVerdictSql(claimId: string, actorId: string, columns: [string, unknown][]) {
  const names = columns.map(([column]) => `"${column}"`);
  const params = columns.map(([column], i) => (column === 'explanation' ? `$${i + 4}::jsonb` : `$${i + 4}`));
  return {
    text: `INSERT INTO "Verdict" (id, "claimId", "authorId", "updatedById", "updatedAt"${names.map((n) => `, ${n}`).join('')})
      VALUES ($1, $2, $3, $3, ${NOW_UTC}${params.map((p) => `, ${p}`).join('')})
      ON CONFLICT ("claimId") DO UPDATE SET ${['"updatedById"', '"updatedAt"', ...names].map((n) => `${n} = EXCLUDED.${n}`).join(', ')}`,
    values: [randomUUID(), claimId, actorId, ...columns.map(([, value]) => value)],
  };
}

/**
 * Saves the claim's fields and its verdict if `baseVersion` is current (409 otherwise). A change to the
 * verdict of an approved or in-review claim sends it back to draft.
 * Written in SQL on the app's pool rather than through Prisma: this is the editor's autosave and the API's
 * busiest write, and Prisma's runtime doubled its CPU per save (`npm run bench:api`).
 */
export async function updateClaim(actor: Actor | null, id: string, input: UpdateClaimInput): Promise<ClaimDetailDto> {
  authorize(actor, 'editArticles');
  const explanation =
    input.explanation === undefined ? undefined : input.explanation === null ? null : typeof input.explanation === 'string' ? documentFromText(input.explanation) : input.explanation;
  const explanationJson = explanation === undefined ? undefined : explanation === null ? null : (parseContent(explanation, 'explanation').toJSON() as object);
  return sqlTransaction(async (client) => {
    const claim = (await client.query<LockedClaim>(LOCK_CLAIM_SQL, [id])).rows[0];
    if (!claim) throw notFound('No claim with this id.');
    if (claim.version !== input.baseVersion) {
      throw new AppError('CONFLICT', `The claim was changed by someone else (now version ${claim.version}).`, [{ path: 'baseVersion', message: `Stale: the current version is ${claim.version}.` }]);
    }
    if (input.rating) {
      const rating = (await client.query<{ active: boolean }>('SELECT active FROM "Rating" WHERE id = $1', [input.rating])).rows[0];
      const isKept = claim.ratingId === input.rating;
      if (!rating || (!rating.active && !isKept)) {
        throw new AppError('UNPROCESSABLE', 'The claim was not saved.', [{ path: 'rating', message: rating ? 'This rating is no longer in use.' : 'No rating with this id.' }]);
      }
    }

    const verdictChanged =
      (input.rating !== undefined && input.rating !== claim.ratingId) ||
      (input.shortVerdict !== undefined && input.shortVerdict !== (claim.shortVerdict ?? '')) ||
      (explanationJson !== undefined && JSON.stringify(explanationJson) !== JSON.stringify(claim.explanation ?? null));
    const wasReviewed = claim.status === 'APPROVED' || claim.status === 'IN_REVIEW';
    const claimFields = Object.entries(claimColumns).flatMap(([field, column]): [string, unknown][] => {
      const value = input[field as keyof typeof claimColumns];
      if (value === undefined) return [];
      return [[column, field === 'claimDate' && value !== null ? new Date(value).toISOString() : value]];
    });
    const update = updateClaimSql(id, actor.id, claimFields, verdictChanged && wasReviewed);
    await client.query(update.text, update.values);
    const verdictFields: [string, unknown][] = [
      ...(input.rating !== undefined ? [['ratingId', input.rating] as [string, unknown]] : []),
      ...(input.shortVerdict !== undefined ? [['shortVerdict', input.shortVerdict] as [string, unknown]] : []),
      ...(explanationJson !== undefined ? [['explanation', explanationJson === null ? null : JSON.stringify(explanationJson)] as [string, unknown]] : []),
    ];
    if (verdictFields.length > 0) {
      const upsert = upsertVerdictSql(id, actor.id, verdictFields);
      await client.query(upsert.text, upsert.values);
    }
    await recordAuditSql(client, actor, {
      action: 'claim.update',
      entityType: 'Claim',
      entityId: id,
      before: { version: claim.version, status: claim.status, ratingId: claim.ratingId, shortVerdict: claim.shortVerdict },
      after: { ...input, explanation: input.explanation === undefined ? undefined : '(changed)' },
    });
    const saved = await readClaimDetail(client, id);
    if (!saved) throw notFound('No claim with this id.');
    return toClaimDetailDto(saved);
  });
}

/** Sends a claim to review; each missing piece (rating, short verdict, a source) is named at its field. */
export async function submitClaim(actor: Actor | null, id: string): Promise<ClaimDetailDto> {
  authorize(actor, 'editArticles');
  return db().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id, deletedAt: null }, include: { verdict: true, _count: { select: { sources: true } } } });
    if (!claim) throw notFound('No claim with this id.');
    const errors: FieldError[] = [];
    if (!claim.verdict?.ratingId) errors.push({ path: 'rating', message: 'Choose a rating.' });
    if (!claim.verdict?.shortVerdict.trim()) errors.push({ path: 'shortVerdict', message: 'Write a short verdict.' });
    if (claim._count.sources === 0) errors.push({ path: 'sources', message: 'Add at least one source.' });
    if (claim.detachedAt) errors.push({ path: 'quote', message: 'Attach the claim to words of the article first.' });
    if (errors.length > 0) throw new AppError('UNPROCESSABLE', 'The claim is not ready for review.', errors);
    if (claim.status === 'IN_REVIEW' || claim.status === 'APPROVED') {
      throw new AppError('CONFLICT', claim.status === 'APPROVED' ? 'The claim is already approved.' : 'The claim is already in review.');
    }
    await tx.claim.update({ where: { id }, data: { status: 'IN_REVIEW', updatedById: actor.id } });
    // The article's assigned reviewer, or every reviewer when none is assigned.
    const article = await tx.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { reviewerId: true } });
    const reviewers = article.reviewerId
      ? [article.reviewerId]
      : (await tx.user.findMany({ where: { roles: { has: 'REVIEWER' }, disabled: false }, select: { id: true } })).map((u) => u.id);
    await notify(tx, actor, 'submitted', id, reviewers);
    await recordAudit(tx, actor, { action: 'claim.submit', entityType: 'Claim', entityId: id, before: { status: claim.status }, after: { status: 'IN_REVIEW' } });
    return toClaimDetailDto(await tx.claim.findUniqueOrThrow({ where: { id }, include: claimDetailInclude }));
  });
}
