import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { listReviewQueue } from '@/lib/data/reviews/list-review-queue';

export const GET = apiRoute(operations.reviewQueue, ({ actor, query }) => listReviewQueue(actor, query));
