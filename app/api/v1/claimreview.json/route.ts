import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { claimReviewFeed } from '@/lib/data/publications/published-exports';

export const GET = apiRoute(operations.claimReviewFeed, async ({ query }) =>
  Response.json(await claimReviewFeed(query), {
    headers: {
      'Content-Type': 'application/ld+json',
      'Cache-Control': 'public, max-age=60',
      'Access-Control-Allow-Origin': '*',
    },
  }),
);
