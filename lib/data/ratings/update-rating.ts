import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { RatingDto, UpdateRatingInput } from '@/lib/validation/ratings';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { ratingReworded } from '@/lib/data/claims/lifecycle';
import { toRatingDto } from './rating-dto';

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
