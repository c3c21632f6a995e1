import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { setCommentResolved } from '@/lib/data/reviews/set-comment-resolved';

export const PATCH = apiRoute(operations.updateComment, ({ actor, params, body }) =>
  setCommentResolved(actor, params.id ?? '', body.resolved),
);
