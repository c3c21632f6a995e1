import 'server-only';
import { db } from '@/lib/db';

/** Every feed's id, for the scheduled refresh (the job queue, no actor). */
export async function listClaimReviewFeedIds(): Promise<string[]> {
  return (await db().claimReviewFeed.findMany({ select: { id: true }, orderBy: { createdAt: 'asc' } })).map(
    (f) => f.id,
  );
}
