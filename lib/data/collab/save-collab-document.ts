import 'server-only';
import * as Y from 'yjs';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { plainText } from '@/lib/editor/plain-text';
import { notFound } from '@/lib/errors';
import { parseContent, syncClaims, writeArticleText } from '@/lib/data/articles/article-content';
import { recordAudit } from '@/lib/data/audit/record-audit';
import { creditLiveAuthors, dropForeignClaimMarks, readClaimVersions } from './live-authors';

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
      { id: bigint; data: Uint8Array; writerId: string | null }[]
    >`SELECT id, data, "writerId" FROM "CollabUpdate" WHERE "articleId" = ${articleId} ORDER BY id`;
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
    // Everyone who typed since the last save is an author of every claim changed in it (not only `actor`): those
    // this server saw, and those whose updates are stored (sent to another instance, or to a thread that stopped).
    const writers = [...new Set([...editorIds, ...rows.flatMap((r) => (r.writerId ? [r.writerId] : []))])];
    await creditLiveAuthors(tx, actor, articleId, claimVersions, writers);
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
      after: { version: saved.version, contentChanged: true, via: 'collaboration', editorIds: writers },
    });
    return { version: saved.version, changed: true, ...extra };
  });
}
