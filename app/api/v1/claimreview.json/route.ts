import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { getClaimReviewFeed } from '@/lib/data/publications/get-claim-review-feed';

export const GET = apiRoute(operations.claimReviewFeed, async ({ query }) =>
  Response.json(await getClaimReviewFeed(query), {
    headers: {
      'Content-Type': 'application/ld+json',
      'Cache-Control': 'public, max-age=60',
      'Access-Control-Allow-Origin': '*',
    },
  }),
);
