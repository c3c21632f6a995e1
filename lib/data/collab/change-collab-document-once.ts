import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { sqlTransaction } from '@/lib/db/sql';
import { notFound } from '@/lib/errors';

/**
 * Changes an article's shared document once across all instances: under the document's lock, `change` gets the
 * updates stored since the last snapshot (another instance's change among them, appended before it let go of the
 * lock) and the article's content and version; the update it returns is appended before the lock is released.
 */
export async function changeCollabDocumentOnce(
  actor: Actor | null,
  articleId: string,
  change: (stored: { updates: Uint8Array[]; content: unknown; version: number }) => Uint8Array | null,
): Promise<void> {
  // Readers too: what is written is the stored article's own content, brought into a document opened to follow it.
  authorize(actor, 'readNewsroom');
  await sqlTransaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`factmark-collab:${articleId}`]);
    const article = await client.query<{ content: unknown; version: number }>(
      `SELECT content, version FROM "Article" WHERE id = $1 AND "deletedAt" IS NULL`,
      [articleId],
    );
    const [row] = article.rows;
    if (!row) throw notFound('No article with this id.');
    const { rows } = await client.query<{ data: Buffer }>(
      `SELECT data FROM "CollabUpdate" WHERE "articleId" = $1
         AND id >= COALESCE((SELECT max(id) FROM "CollabUpdate" WHERE "articleId" = $1 AND "isSnapshot"), 0)
       ORDER BY id`,
      [articleId],
    );
    const update = change({
      updates: rows.map((r) => new Uint8Array(r.data)),
      content: row.content,
      version: row.version,
    });
    if (update)
      await client.query(`INSERT INTO "CollabUpdate" ("articleId", data) VALUES ($1, $2)`, [
        articleId,
        Buffer.from(update),
      ]);
  });
}
