import 'server-only';
import type { Rating } from '@/lib/generated/prisma/client';
import type { RatingDto } from '@/lib/validation/ratings';

export const toRatingDto = (r: Rating): RatingDto => ({
  id: r.id,
  label: r.label,
  description: r.description,
  colour: r.colour,
  position: r.position,
  value: r.value,
  active: r.active,
});
