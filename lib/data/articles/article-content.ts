import 'server-only';
import type { Node as PMNode } from '@tiptap/pm/model';
import { quoteAt } from '@/lib/anchoring/quote';
import type { Actor } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db';
import { longText } from '@/lib/db/long-text';
import { claimRanges } from '@/lib/editor/claim-marks';
import { plainText } from '@/lib/editor/plain-text';
import { parseDocument } from '@/lib/editor/schema';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { LARGE_TEXT_CHARS, yieldToLoop } from '@/lib/scheduling/yield-to-loop';
import { anchorClaim, deleteClaimRow, detachClaim, markClaim } from '@/lib/data/claims/lifecycle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores an article's document and its plain text, and returns the document's JSON (for the answer, which
 * need not read it back). The document goes in as one JSON text: given to Prisma as an object, its client
 * walks it node by node on the server's only thread (seconds for a long article).
 */
export async function writeArticleText(
  tx: Tx,
  articleId: string,
  doc: PMNode,
  plain: string,
): Promise<Prisma.JsonObject> {
  const json = doc.toJSON() as Prisma.JsonObject;
  if (plain.length >= LARGE_TEXT_CHARS) await yieldToLoop();
  const text = JSON.stringify(json);
  const [contentSql, plainSql] = [await longText(tx, text), await longText(tx, plain)];
  await tx.$executeRaw`UPDATE "Article" SET "content" = ${contentSql}::jsonb, "plainText" = ${plainSql} WHERE "id" = ${articleId}`;
  return json;
}

/**
 * Parses JSON against the editor schema; invalid JSON is a 400 naming the field. A document a client sends to be
 * stored refuses links that are not http(s) (`'refuse'`); one already stored or edited live loses them (`'drop'`).
 */
export function parseContent(json: unknown, field = 'content', unsafeLinks: 'refuse' | 'drop' = 'drop'): PMNode {
  try {
    return parseDocument(json, { unsafeLinks });
  } catch (err) {
    throw new AppError('BAD_REQUEST', 'The content is not a valid document of the editor.', [
      { path: field, message: (err as Error).message.slice(0, 300) },
    ]);
  }
}

/**
 * Makes the claims match the document, in the caller's transaction (which holds the article's row): every
 * claim mark's selectors are recomputed from the text; a new mark id becomes a draft claim; a claim whose
 * mark is gone is deleted when asked, detached otherwise. Each is a transition of the claims' lifecycle.
 */
export async function syncClaims(
  tx: Tx,
  actor: Actor,
  articleId: string,
  doc: PMNode,
  deleteClaims: readonly string[] = [],
): Promise<{ plain: string }> {
  const plain = plainText(doc).text;
  // A long article is walked in two slices, so that other requests are served in between.
  if (plain.length >= LARGE_TEXT_CHARS) await yieldToLoop();
  const ranges = claimRanges(doc);
  const existing = await tx.claim.findMany({ where: { articleId } });
  const byId = new Map(existing.map((c) => [c.id, c]));
  const now = new Date();

  for (const [id, range] of ranges) {
    if (!UUID.test(id))
      throw new AppError('BAD_REQUEST', 'A claim mark carries an invalid id.', [
        { path: 'content', message: `Invalid claim id "${id.slice(0, 64)}".` },
      ]);
    const anchor = { ...quoteAt(plain, range), ...range };
    const claim = byId.get(id);
    if (claim) {
      await anchorClaim(tx, actor, claim, anchor);
      continue;
    }
    if (await tx.claim.findUnique({ where: { id }, select: { id: true } })) {
      throw new AppError('BAD_REQUEST', 'A claim mark carries the id of another article’s claim.', [
        { path: 'content', message: `Claim ${id} belongs elsewhere.` },
      ]);
    }
    await markClaim(tx, actor, articleId, id, anchor);
  }

  for (const claim of existing) {
    if (ranges.has(claim.id)) continue;
    if (deleteClaims.includes(claim.id)) await deleteClaimRow(tx, actor, claim, now);
    else await detachClaim(tx, actor, claim, now);
  }
  return { plain };
}
