import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { sqlTransaction } from '@/lib/db/sql';

/** Appends Yjs updates an editor (`actor`) sent to an article's shared document (the server batches them per editor). */
export async function appendCollabUpdates(
  actor: Actor,
  articleId: string,
  updates: readonly Uint8Array[],
): Promise<void> {
  authorize(actor, 'editArticles');
  if (updates.length === 0) return;
  await sqlTransaction((client) =>
    client.query(`INSERT INTO "CollabUpdate" ("articleId", data, "writerId") SELECT $1, unnest($2::bytea[]), $3`, [
      articleId,
      updates.map((u) => Buffer.from(u)),
      actor.id,
    ]),
  );
}
