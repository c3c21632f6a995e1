import 'server-only';
import { db } from '@/lib/db';
import { toRatingDto } from './rating-dto';

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
