import 'server-only';
import type { Comment } from '@/lib/generated/prisma/client';

type Row = Comment & { author: { id: string; name: string } | null };
export const toCommentDto = (c: Row) => ({
  id: c.id,
  claimId: c.claimId,
  parentId: c.parentId,
  body: c.body,
  author: c.author,
  resolved: c.resolvedAt !== null,
  createdAt: c.createdAt.toISOString(),
});
