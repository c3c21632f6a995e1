import type { Metadata } from 'next';
import { AddFeedForm, FeedRow } from '@/components/admin/claim-review-feeds';
import { requirePageActor } from '@/lib/data/sessions/get-actor';
import { listClaimReviewFeeds } from '@/lib/data/claim-memory/list-claim-review-feeds';
import { serverEnv } from '@/lib/env';
import { EmptyState } from '@/components/ui/empty-state';

export const metadata: Metadata = { title: 'ClaimReview feeds' };

export default async function FeedsAdminPage() {
  const actor = await requirePageActor('/admin/feeds', 'manageClaimReviewFeeds');
  const feeds = await listClaimReviewFeeds(actor);
  const { FACTMARK_FEED_SCHEDULE, FACTMARK_WORKERS } = serverEnv();
  return (
    <>
      <h1>ClaimReview feeds</h1>
      <p>
        Other fact-checkers’ schema.org ClaimReview, imported from these addresses on the schedule{' '}
        <code>{FACTMARK_FEED_SCHEDULE}</code> (cron, UTC)
        {FACTMARK_WORKERS === '0' ? ' by the separate worker (`npm run worker`)' : ''}. Imported claims are read-only
        and appear under “Already checked?” with their publisher. Editors can also import once through{' '}
        <code>POST /api/v1/imports/claimreview</code>.
      </p>
      {feeds.length === 0 ? (
        <EmptyState>No feed yet: add one below.</EmptyState>
      ) : (
        <ul className="feed-list" aria-label="Feeds">
          {feeds.map((f) => (
            <FeedRow key={f.id} feed={f} />
          ))}
        </ul>
      )}
      <h2>Add a feed</h2>
      <AddFeedForm />
    </>
  );
}
