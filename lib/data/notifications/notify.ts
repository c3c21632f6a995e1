import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db';

export type NotificationKind = 'submitted' | 'approved' | 'changes_requested' | 'comment';

/** Notifies each recipient (never the actor) in the caller's transaction. */
export async function notify(
  tx: Tx,
  actor: Actor,
  kind: NotificationKind,
  claimId: string,
  recipients: (string | null | undefined)[],
): Promise<void> {
  const unique = [...new Set(recipients.filter((r): r is string => !!r && r !== actor.id))];
  if (unique.length === 0) return;
  await tx.notification.createMany({ data: unique.map((userId) => ({ userId, kind, claimId, actorId: actor.id })) });
}
