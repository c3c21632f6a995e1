import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { listReviewQueue, WHOLE_QUEUE } from '@/lib/data/reviews/list-review-queue';

export const GET = apiRoute(operations.reviewQueue, ({ actor, query }) => listReviewQueue(actor, query, WHOLE_QUEUE));
