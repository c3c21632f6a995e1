import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { sqlTransaction } from '@/lib/db/sql';

/**
 * Stores the first state of an article's shared document, made from its text, unless another instance stored one
 * first; returns what is stored then. Every instance starts from the same Yjs items, so their updates apply on each other.
 */
export async function storeInitialCollabState(
  actor: Actor | null,
  articleId: string,
  initial: Uint8Array,
): Promise<Uint8Array[]> {
  authorize(actor, 'readNewsroom');
  return sqlTransaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`factmark-collab:${articleId}`]);
    const { rows } = await client.query<{ data: Buffer }>(
      `SELECT data FROM "CollabUpdate" WHERE "articleId" = $1 ORDER BY id`,
      [articleId],
    );
    if (rows.length > 0) return rows.map((r) => new Uint8Array(r.data));
    await client.query(`INSERT INTO "CollabUpdate" ("articleId", data, "isSnapshot") VALUES ($1, $2, true)`, [
      articleId,
      Buffer.from(initial),
    ]);
    return [initial];
  });
}
