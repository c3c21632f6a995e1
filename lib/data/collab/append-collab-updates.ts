import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { sqlTransaction } from '@/lib/db/sql';

/** Appends Yjs updates of an article's shared document (the server batches them); an editor's only. */
export async function appendCollabUpdates(
  actor: Actor,
  articleId: string,
  updates: readonly Uint8Array[],
): Promise<void> {
  authorize(actor, 'editArticles');
  if (updates.length === 0) return;
  await sqlTransaction((client) =>
    client.query(`INSERT INTO "CollabUpdate" ("articleId", data) SELECT $1, unnest($2::bytea[])`, [
      articleId,
      updates.map((u) => Buffer.from(u)),
    ]),
  );
}
