import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/data/audit/record-audit';

/** Revokes one of the actor's own tokens; someone else's token is reported as not found. */
export async function revokeToken(actor: Actor | null, id: string): Promise<void> {
  authorize(actor, 'manageOwnTokens');
  await db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, userId: actor.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('No token of yours with this id.');
    await recordAudit(tx, actor, { action: 'token.revoke', entityType: 'ApiToken', entityId: id });
  });
}
