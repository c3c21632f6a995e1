import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { addComment } from '@/lib/data/reviews/add-comment';
import { listComments } from '@/lib/data/reviews/list-comments';

export const GET = apiRoute(operations.listComments, ({ actor, params }) => listComments(actor, params.id ?? ''));
export const POST = apiRoute(operations.addComment, ({ actor, params, body }) =>
  addComment(actor, params.id ?? '', body),
);
