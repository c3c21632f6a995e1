import 'server-only';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Actor } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db';
import { claimRanges } from '@/lib/editor/claim-marks';
import { removeClaimMark } from '@/lib/editor/claim-marks-remove';
import { recordAudit } from '@/lib/data/audit/record-audit';

/*
 * Who wrote a live save. A save of the shared document covers every update since the last one, from any of the
 * connected editors, and is made in the name of one of them; Yjs does not say cheaply which of them changed which
 * claim's words. So every user who sent an update since the last save counts as an author of every claim whose
 * words changed (or that was marked) in it: the four-eyes rule refuses approval to all of them rather than to
 * none (lib/auth/permissions approveVerdict, fed by Claim.authorIds).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version of each live claim of the article (in the caller's transaction), to tell what a save changed. */
export async function readClaimVersions(tx: Tx, articleId: string): Promise<Map<string, number>> {
  const rows = await tx.claim.findMany({ where: { articleId }, select: { id: true, version: true } });
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * Adds every one of `editorIds` to the authors of each claim the save created or changed (its version moved on
 * since `before`), with an audit entry naming them all. Returns the ids of the claims credited.
 */
export async function creditLiveAuthors(
  tx: Tx,
  actor: Actor,
  articleId: string,
  before: ReadonlyMap<string, number>,
  editorIds: readonly string[],
): Promise<string[]> {
  const others = [...new Set(editorIds)];
  if (others.length === 0) return [];
  const after = await readClaimVersions(tx, articleId);
  const changed = [...after].filter(([id, version]) => before.get(id) !== version).map(([id]) => id);
  for (const claimId of changed) {
    await tx.$executeRaw`UPDATE "Claim" SET "authorIds" = ARRAY(
        SELECT DISTINCT unnest("authorIds" || ${others}::text[])) WHERE id = ${claimId}`;
    await recordAudit(tx, actor, {
      action: 'claim.live-authors',
      entityType: 'Claim',
      entityId: claimId,
      after: { authorIds: others, via: 'collaboration' },
    });
  }
  return changed;
}

/**
 * The document without claim marks the article cannot own: an id that is not a claim id, or the id of another
 * article's claim (deleted ones too). Such a mark in the shared document is dropped when saving, so that it does
 * not make every later save of the article fail; `dropped` names them for the log.
 */
export async function dropForeignClaimMarks(
  tx: Tx,
  articleId: string,
  doc: PMNode,
): Promise<{ doc: PMNode; dropped: string[] }> {
  const ids = [...claimRanges(doc).keys()];
  if (ids.length === 0) return { doc, dropped: [] };
  const valid = ids.filter((id) => UUID.test(id));
  const elsewhere =
    valid.length === 0
      ? []
      : await tx.claim.findMany({
          where: { id: { in: valid }, NOT: { articleId } },
          select: { id: true },
        });
  const dropped = [...ids.filter((id) => !UUID.test(id)), ...elsewhere.map((c) => c.id)];
  let clean = doc;
  for (const id of dropped) clean = removeClaimMark(clean, id);
  return { doc: clean, dropped };
}
