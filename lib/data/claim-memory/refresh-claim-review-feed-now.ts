import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import type { ImportClaimReviewResult } from '@/lib/validation/claim-reviews';
import { runClaimReviewFeed } from './run-claim-review-feed';

/** "Refresh now" on the admin page: the same run as the schedule's, at once. */
export async function refreshClaimReviewFeedNow(
  actor: Actor | null,
  id: string,
): Promise<ImportClaimReviewResult | { error: string }> {
  authorize(actor, 'manageClaimReviewFeeds');
  return runClaimReviewFeed(id, actor);
}
