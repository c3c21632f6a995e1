import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { ClaimReviewFeedDto } from '@/lib/validation/claim-reviews';
import { feedDto, withCount } from './claim-review-feed-dto';

/** The ClaimReview feeds refreshed on a schedule, oldest first (admins). */
export async function listClaimReviewFeeds(actor: Actor | null): Promise<ClaimReviewFeedDto[]> {
  authorize(actor, 'manageClaimReviewFeeds');
  const feeds = await db().claimReviewFeed.findMany({
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: withCount,
  });
  return feeds.map(feedDto);
}
