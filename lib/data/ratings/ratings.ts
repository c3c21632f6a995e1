import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { Rating } from '@/lib/generated/prisma/client';
import type { CreateRatingInput, RatingDto, UpdateRatingInput } from '@/lib/validation/ratings';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { ratingReworded } from '@/lib/data/claims/lifecycle';

const toRatingDto = (r: Rating): RatingDto => ({
  id: r.id,
  label: r.label,
  description: r.description,
  colour: r.colour,
  position: r.position,
  value: r.value,
  active: r.active,
});

/** The scale in order; best and worst come from the ordinal ratings (non-ordinal ones have no value). */
export async function listRatings(options: { activeOnly?: boolean } = {}) {
  const rows = await db().rating.findMany({
    where: options.activeOnly ? { active: true } : {},
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  });
  const values = rows.filter((r) => r.active && r.value !== null).map((r) => r.value as number);
  return {
    items: rows.map(toRatingDto),
    nextCursor: null,
    bestRating: values.length > 0 ? Math.max(...values) : null,
    worstRating: values.length > 0 ? Math.min(...values) : null,
  };
}

export async function createRating(actor: Actor | null, input: CreateRatingInput): Promise<RatingDto> {
  authorize(actor, 'manageRatings');
  return db().$transaction(async (tx) => {
    const last = await tx.rating.aggregate({ _max: { position: true } });
    const rating = await tx.rating.create({
      data: { ...input, position: input.position ?? (last._max.position ?? -1) + 1 },
    });
    await recordAudit(tx, actor, {
      action: 'rating.create',
      entityType: 'Rating',
      entityId: rating.id,
      after: toRatingDto(rating),
    });
    return toRatingDto(rating);
  });
}

/** Renames, recolours, reorders or (de)activates a rating. Published versions keep the label they were published with. */
export async function updateRating(actor: Actor | null, id: string, input: UpdateRatingInput): Promise<RatingDto> {
  authorize(actor, 'manageRatings');
  return db().$transaction(async (tx) => {
    const before = await tx.rating.findUnique({ where: { id } });
    if (!before) throw notFound('No rating with this id.');
    const rating = await tx.rating.update({ where: { id }, data: input });
    if ((['label', 'colour', 'value', 'description'] as const).some((field) => before[field] !== rating[field]))
      await ratingReworded(tx, id);
    await recordAudit(tx, actor, {
      action: 'rating.update',
      entityType: 'Rating',
      entityId: id,
      before: toRatingDto(before),
      after: toRatingDto(rating),
    });
    return toRatingDto(rating);
  });
}
