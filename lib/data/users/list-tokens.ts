import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { ApiToken } from '@/lib/generated/prisma/client';
import type { TokenDto } from '@/lib/validation/tokens';

const toTokenDto = (t: ApiToken): TokenDto => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

export async function listTokens(actor: Actor | null) {
  authorize(actor, 'manageOwnTokens');
  const rows = await db().apiToken.findMany({
    where: { userId: actor.id, revokedAt: null },
    orderBy: { createdAt: 'desc' },
  });
  return { items: rows.map(toTokenDto), nextCursor: null };
}
