import 'server-only';
import type { Node as PMNode } from '@tiptap/pm/model';
import { quoteAt } from '@/lib/anchoring/quote';
import type { Actor } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db';
import { claimRanges } from '@/lib/editor/claim-marks';
import { plainText } from '@/lib/editor/plain-text';
import { parseDocument } from '@/lib/editor/schema';
import { AppError } from '@/lib/errors';
import { recordAudit } from './audit';
import { recordContentChange } from './claims/lifecycle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses client JSON against the editor schema; invalid JSON is a 400 naming the field. */
export function parseContent(json: unknown, field = 'content'): PMNode {
  try {
    return parseDocument(json);
  } catch (err) {
    throw new AppError('BAD_REQUEST', 'The content is not a valid document of the editor.', [
      { path: field, message: (err as Error).message.slice(0, 300) },
    ]);
  }
}

/**
 * Makes the claims match the document, in the caller's transaction: every claim mark's selectors are
 * recomputed from the text; a new mark id becomes a draft claim; a claim whose mark is gone is deleted
 * when asked, detached otherwise (its selectors keep its last words).
 */
export async function syncClaims(
  tx: Tx,
  actor: Actor,
  articleId: string,
  doc: PMNode,
  deleteClaims: readonly string[] = [],
): Promise<{ plain: string }> {
  const plain = plainText(doc).text;
  const ranges = claimRanges(doc);
  const existing = await tx.claim.findMany({ where: { articleId } });
  const byId = new Map(existing.map((c) => [c.id, c]));
  const now = new Date();

  for (const [id, range] of ranges) {
    if (!UUID.test(id)) throw new AppError('BAD_REQUEST', 'A claim mark carries an invalid id.', [{ path: 'content', message: `Invalid claim id "${id.slice(0, 64)}".` }]);
    const quote = quoteAt(plain, range);
    const claim = byId.get(id);
    if (!claim) {
      if (await tx.claim.findUnique({ where: { id }, select: { id: true } })) {
        throw new AppError('BAD_REQUEST', 'A claim mark carries the id of another article’s claim.', [{ path: 'content', message: `Claim ${id} belongs elsewhere.` }]);
      }
      await tx.claim.create({
        data: { id, articleId, ...quote, ...range, statedClaim: quote.exact, createdById: actor.id, updatedById: actor.id, authorIds: [actor.id] },
      });
      await recordAudit(tx, actor, { action: 'claim.create', entityType: 'Claim', entityId: id, after: { ...quote, ...range } });
      continue;
    }
    const wordsChanged = claim.exact !== quote.exact;
    const moved = claim.start !== range.start || claim.end !== range.end || claim.prefix !== quote.prefix || claim.suffix !== quote.suffix;
    if (wordsChanged || moved || claim.detachedAt || claim.deletedAt) {
      await tx.claim.update({
        where: { id },
        data: {
          ...quote,
          ...range,
          detachedAt: null,
          deletedAt: null,
        },
      });
      // New words are a new claim to check: an approval or a pending review no longer covers it.
      if (wordsChanged) await recordContentChange(tx, id, actor.id);
      if (wordsChanged || claim.detachedAt || claim.deletedAt) {
        await recordAudit(tx, actor, {
          action: claim.detachedAt || claim.deletedAt ? 'claim.reattach' : 'claim.words-change',
          entityType: 'Claim',
          entityId: id,
          before: { exact: claim.exact },
          after: { exact: quote.exact },
        });
      }
    }
  }

  for (const claim of existing) {
    if (ranges.has(claim.id) || claim.deletedAt) continue;
    if (deleteClaims.includes(claim.id)) {
      await tx.claim.update({ where: { id: claim.id }, data: { deletedAt: now } });
      await recordAudit(tx, actor, { action: 'claim.delete', entityType: 'Claim', entityId: claim.id, before: { exact: claim.exact } });
    } else if (!claim.detachedAt) {
      await tx.claim.update({ where: { id: claim.id }, data: { detachedAt: now } });
      await recordAudit(tx, actor, { action: 'claim.detach', entityType: 'Claim', entityId: claim.id, before: { exact: claim.exact } });
    }
  }
  return { plain };
}
