import { apiRoute } from '@/lib/api/route';
import { operations } from '@/lib/api/operations';
import { addComment, listComments } from '@/lib/data/reviews/comments';

export const GET = apiRoute(operations.listComments, ({ actor, params }) => listComments(actor, params.id ?? ''));
export const POST = apiRoute(operations.addComment, ({ actor, params, body }) =>
  addComment(actor, params.id ?? '', body),
);
