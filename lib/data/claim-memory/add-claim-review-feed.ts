import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { AppError } from '@/lib/errors';
import type { ClaimReviewFeedDto } from '@/lib/validation/claim-reviews';
import { feedDto, withCount } from './claim-review-feed-dto';

export async function addClaimReviewFeed(actor: Actor | null, url: string): Promise<ClaimReviewFeedDto> {
  authorize(actor, 'manageClaimReviewFeeds');
  const listed = () =>
    new AppError('CONFLICT', 'This feed is already listed.', [{ path: 'url', message: 'Already listed.' }]);
  // The same feed added at the same moment is missed by the check (not yet committed); its unique index answers.
  return db()
    .$transaction(async (tx) => {
      if (await tx.claimReviewFeed.findUnique({ where: { url }, select: { id: true } })) throw listed();
      const feed = await tx.claimReviewFeed.create({ data: { url, createdById: actor.id }, include: withCount });
      await recordAudit(tx, actor, {
        action: 'claimreview-feed.added',
        entityType: 'ClaimReviewFeed',
        entityId: feed.id,
        after: { url },
      });
      return feedDto(feed);
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err, 'url') ? listed() : err;
    });
}
