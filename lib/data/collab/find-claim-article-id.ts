import 'server-only';
import { db } from '@/lib/db';

/** The article a claim belongs to, or null. */
export async function findClaimArticleId(claimId: string): Promise<string | null> {
  const claim = await db().claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
  return claim?.articleId ?? null;
}
