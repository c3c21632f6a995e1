import 'server-only';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { sqlTransaction } from '@/lib/db/sql';
import { notFound } from '@/lib/errors';

/** The shared document of an article as stored: its Yjs updates in order (a snapshot first), or its ProseMirror JSON. */
export type StoredCollabDocument = { updates: Uint8Array[]; content: unknown };

/** What live collaboration starts an article's shared document from; the caller may read the article. */
export async function loadCollabDocument(actor: Actor | null, articleId: string): Promise<StoredCollabDocument> {
  authorize(actor, 'readNewsroom');
  const article = await db().article.findFirst({
    where: { id: articleId, deletedAt: null },
    select: { content: true },
  });
  if (!article) throw notFound('No article with this id.');
  const { rows } = await sqlTransaction((client) =>
    client.query<{ data: Buffer }>(
      `SELECT data FROM "CollabUpdate" WHERE "articleId" = $1
         AND id >= COALESCE((SELECT max(id) FROM "CollabUpdate" WHERE "articleId" = $1 AND "isSnapshot"), 0)
       ORDER BY id`,
      [articleId],
    ),
  );
  return { updates: rows.map((r) => new Uint8Array(r.data)), content: article.content };
}
