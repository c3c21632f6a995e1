import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { CreateRatingInput, RatingDto } from '@/lib/validation/ratings';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { toRatingDto } from './rating-dto';

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
