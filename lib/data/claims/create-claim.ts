import 'server-only';
import { findQuote, type TextPosition } from '@/lib/anchoring/quote';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { liveCollab } from '@/lib/collab/live';
import { addClaimMark } from '@/lib/editor/claim-marks';
import { AppError, notFound } from '@/lib/errors';
import { LARGE_TEXT_CHARS, yieldToLoop } from '@/lib/scheduling/yield-to-loop';
import type { ClaimDto, CreateClaimInput } from '@/lib/validation/articles';
import { parseContent, syncClaims, writeArticleText } from '@/lib/data/articles/article-content';
import { claimInclude, toClaimDto } from './claim-dto';

/** True when UTF-16 offset `at` falls between the two halves of one character (an emoji, say). */
const splitsSurrogatePair = (text: string, at: number) =>
  /[\uD800-\uDBFF]/.test(text.charAt(at - 1)) && /[\uDC00-\uDFFF]/.test(text.charAt(at));

function locate(text: string, input: CreateClaimInput): TextPosition {
  if ('position' in input) {
    const { start, end } = input.position;
    if (end > text.length)
      throw new AppError('UNPROCESSABLE', 'The position is outside the article’s text.', [
        { path: 'position.end', message: `The text has ${text.length} characters.` },
      ]);
    for (const [field, at] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (splitsSurrogatePair(text, at))
        throw new AppError('UNPROCESSABLE', 'The position cuts a character in two.', [
          {
            path: `position.${field}`,
            message: `Offset ${at} falls inside a character (a UTF-16 surrogate pair); move it by one.`,
          },
        ]);
    }
    if (!text.slice(start, end).trim())
      throw new AppError('UNPROCESSABLE', 'The position covers no words.', [
        { path: 'position', message: 'Choose a range with words in it.' },
      ]);
    return { start, end };
  }
  const match = findQuote(text, input.quote);
  if (match.kind === 'not-found')
    throw new AppError('UNPROCESSABLE', 'These words are not in the article.', [
      { path: 'quote.exact', message: 'Not found in the article’s text.' },
    ]);
  if (match.kind === 'ambiguous') {
    throw new AppError(
      'UNPROCESSABLE',
      `These words occur ${match.count} times; add a prefix or suffix to say which.`,
      [{ path: 'quote.exact', message: `Found ${match.count} times; prefix and suffix do not decide.` }],
    );
  }
  return match.position;
}

/** Marks the words found by quote or position as a new draft claim, as the editor's "Mark claim" does. */
export async function createClaim(actor: Actor | null, articleId: string, input: CreateClaimInput): Promise<ClaimDto> {
  authorize(actor, 'editArticles');
  let version = 0;
  const created = await db().$transaction(async (tx) => {
    // Locked first: a save running meanwhile (live collaboration's, on its own timing) finishes, and the mark goes on its text.
    await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
    const article = await tx.article.findFirst({ where: { id: articleId, deletedAt: null } });
    if (!article) throw notFound('No article with this id.');
    const position = locate(article.plainText, input);
    const large = article.plainText.length >= LARGE_TEXT_CHARS;
    if (large) await yieldToLoop();
    const id = crypto.randomUUID();
    const parsed = parseContent(article.content);
    if (large) await yieldToLoop();
    const doc = addClaimMark(parsed, position, id);
    const { count } = await tx.article.updateMany({
      where: { id: articleId, version: article.version },
      data: { version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) throw new AppError('CONFLICT', 'The article changed while the claim was being marked; try again.');
    version = article.version + 1;
    const { plain } = await syncClaims(tx, actor, articleId, doc);
    await writeArticleText(tx, articleId, doc, plain);
    return toClaimDto(await tx.claim.findUniqueOrThrow({ where: { id }, include: claimInclude }));
  });
  // People editing the article live get the mark in their text (else their next save would detach it).
  await liveCollab()?.changeClaimMark(articleId, { claimId: created.id, quote: created.quote }, actor, version);
  return created;
}
