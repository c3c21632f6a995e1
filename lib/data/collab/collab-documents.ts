import 'server-only';
import * as Y from 'yjs';
import { authorize, permissions, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { sqlTransaction } from '@/lib/db/sql';
import { plainText } from '@/lib/editor/plain-text';
import { notFound } from '@/lib/errors';
import { parseContent, syncClaims, writeArticleText } from '@/lib/data/articles/article-content';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { creditLiveAuthors, dropForeignClaimMarks, readClaimVersions } from './live-authors';

/** The shared document of an article as stored: its Yjs updates in order (a snapshot first), or its ProseMirror JSON. */
export type StoredCollabDocument = { updates: Uint8Array[]; content: unknown };

/** Whether the actor may join the article's live document, and may change it (else they follow read-only). */
export async function checkCollabAccess(actor: Actor | null, articleId: string): Promise<{ canEdit: boolean }> {
  authorize(actor, 'readNewsroom');
  const article = await db().article.findFirst({ where: { id: articleId, deletedAt: null }, select: { id: true } });
  if (!article) throw notFound('No article with this id.');
  return { canEdit: permissions.editArticles(actor) };
}

/** Of these sessions, the ids of users whose session ended (signed out, password changed) or who were disabled. */
export async function findEndedSessions(
  sessions: readonly { userId: string; sessionVersion: number }[],
): Promise<Set<string>> {
  if (sessions.length === 0) return new Set();
  const users = await db().user.findMany({
    where: { id: { in: sessions.map((s) => s.userId) } },
    select: { id: true, disabled: true, sessionVersion: true },
  });
  const live = new Map(users.filter((u) => !u.disabled).map((u) => [u.id, u.sessionVersion]));
  return new Set(sessions.filter((s) => live.get(s.userId) !== s.sessionVersion).map((s) => s.userId));
}

/** The article a claim belongs to, or null. */
export async function findClaimArticleId(claimId: string): Promise<string | null> {
  const claim = await db().claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
  return claim?.articleId ?? null;
}

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

/** A claim marked in the stored article (attached, not deleted): its id and its words. */
export type StoredClaimMark = { id: string; quote: { exact: string; prefix: string; suffix: string } };

/**
 * What a save reads under the article's lock and gives the caller to make the document it saves: the Yjs updates
 * stored for the shared document (an API change appended by any instance among them), the claims marked in the
 * stored article and its version. The caller returns the content to save and the document's whole Yjs state.
 */
export type CollabSaveDerivation = (stored: { updates: Uint8Array[]; claims: StoredClaimMark[]; version: number }) => {
  content: unknown;
  state: Uint8Array;
};

/**
 * Saves the shared document the way the editor's autosave did: the ProseMirror JSON is checked against the
 * schema, the claims follow their marks through the claims' lifecycle, the plain text is stored and the version
 * goes up, all in one transaction; the Yjs updates are then compacted into the document's state. The content is
 * made by `derive` once the article's row is locked, from what is stored then: a claim marked through the API
 * just before is seen (not detached by a document that has not received its mark yet). Nothing is written
 * when the document equals the stored one. Returns the article's version.
 */
export async function saveCollabDocument(
  actor: Actor,
  articleId: string,
  derive: CollabSaveDerivation,
  editorIds: readonly string[] = [],
): Promise<{ version: number; changed: boolean; dropped?: string[] }> {
  authorize(actor, 'editArticles');
  return db().$transaction(async (tx) => {
    // Row lock first: an API save of the same article waits for this one, and this one sees the API's last change.
    const [current] = await tx.$queryRaw<
      { version: number }[]
    >`SELECT version FROM "Article" WHERE id = ${articleId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!current) throw notFound('No article with this id.');
    const claims = await tx.claim.findMany({
      where: { articleId, deletedAt: null, detachedAt: null },
      select: { id: true, exact: true, prefix: true, suffix: true },
    });
    // The rows replaced are merged into the saved state: an update appended after the document last received one
    // (another instance's, or this one's batch in flight) is kept in it rather than deleted with the rows.
    const rows = await tx.$queryRaw<
      { id: bigint; data: Uint8Array }[]
    >`SELECT id, data FROM "CollabUpdate" WHERE "articleId" = ${articleId} ORDER BY id`;
    const updates = rows.map((r) => new Uint8Array(r.data));
    const { content, state } = derive({
      updates,
      claims: claims.map(({ id, ...quote }) => ({ id, quote })),
      version: current.version,
    });
    const parsed = parseContent(content);
    // An emptied shared document stays live but is not stored: the article keeps its last text and claims.
    const isEmpty = !plainText(parsed).text.trim();
    // A mark with another article's claim id (or no claim id) is dropped, not a reason to refuse every save.
    const { doc, dropped } = await dropForeignClaimMarks(tx, articleId, parsed);
    const extra = dropped.length > 0 ? { dropped } : {};
    const json = JSON.stringify(doc.toJSON());
    const [stored] = await tx.$queryRaw<
      { same: boolean }[]
    >`SELECT content = ${json}::jsonb AS same FROM "Article" WHERE id = ${articleId}`;
    const lastId = rows.at(-1)?.id;
    const compacted = rows.length > 0 ? Y.mergeUpdates([...updates, state]) : state;
    await tx.$executeRaw`INSERT INTO "CollabUpdate" ("articleId", data, "isSnapshot") VALUES (${articleId}, ${Buffer.from(compacted)}, true)`;
    if (lastId !== undefined)
      await tx.$executeRaw`DELETE FROM "CollabUpdate" WHERE "articleId" = ${articleId} AND id <= ${lastId}`;
    if (stored?.same || isEmpty) return { version: current.version, changed: false, ...extra };
    const claimVersions = await readClaimVersions(tx, articleId);
    const { plain } = await syncClaims(tx, actor, articleId, doc);
    // Everyone who typed since the last save is an author of every claim changed in it (not only `actor`).
    await creditLiveAuthors(tx, actor, articleId, claimVersions, editorIds);
    await writeArticleText(tx, articleId, doc, plain);
    const saved = await tx.article.update({
      where: { id: articleId },
      data: { version: { increment: 1 }, updatedById: actor.id },
      select: { version: true },
    });
    await recordAudit(tx, actor, {
      action: 'article.update',
      entityType: 'Article',
      entityId: articleId,
      before: { version: saved.version - 1 },
      after: { version: saved.version, contentChanged: true, via: 'collaboration', editorIds: [...editorIds] },
    });
    return { version: saved.version, changed: true, ...extra };
  });
}
