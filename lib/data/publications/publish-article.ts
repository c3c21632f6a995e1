import 'server-only';
import { randomUUID } from 'node:crypto';
import { authorize, type Actor } from '@/lib/auth/permissions';
import { db, type Tx } from '@/lib/db';
import { longText } from '@/lib/db/long-text';
import { AppError, notFound } from '@/lib/errors';
import { renderReaderPage } from '@/lib/publishing/render-reader';
import { publicOrigin } from '@/lib/publishing/public-origin';
import { yieldToLoop } from '@/lib/scheduling/yield-to-loop';
import { markArticlePublished } from '@/lib/data/articles/lifecycle';
import { buildSnapshot } from './build-snapshot';
import { planIn } from './get-publish-plan';
import { forgetLatest } from './find-published-version';
import { publishProblems } from './publish-problems';

/** What a person was shown before publishing: the plan's fingerprint and the withdrawals it named. */
export interface SeenPlan {
  fingerprint: string;
  withdrawals: readonly string[];
}

/**
 * Publishes version N+1 of an article in the caller's transaction, its reader page rendered once. With `seen`,
 * only if publishing still does what the person was shown (read under the same lock as the publication).
 */
export async function createPublication(
  tx: Tx,
  actorId: string | null,
  articleId: string,
  correctionNote: string | null,
  seen?: SeenPlan,
) {
  // Serializes publications of one article, so numbers never collide or skip.
  await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
  if (seen) await refuseUnseenChanges(tx, articleId, seen);
  const article = await tx.article.findFirst({ where: { id: articleId, deletedAt: null }, select: { slug: true } });
  if (!article) throw notFound('No article with this id.');
  const last = await tx.publication.aggregate({ where: { articleId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const problems = await publishProblems(tx, articleId, number, correctionNote);
  if (problems.length > 0) throw new AppError('UNPROCESSABLE', 'The article cannot be published yet.', problems);
  const publishedAt = new Date();
  const snapshot = await buildSnapshot(tx, articleId, number, correctionNote, publishedAt);
  // The id is chosen here so the page can link to its own W3C annotations.
  const id = randomUUID();
  // A long article's page takes a while to render: other requests are served before and after it.
  await yieldToLoop();
  const html = renderReaderPage(snapshot, publicOrigin(), id);
  await yieldToLoop();
  const snapshotJson = JSON.stringify(snapshot);
  await yieldToLoop();
  // Both go in as text, in pieces when long (longText): as an object, Prisma's client walks the snapshot node
  // by node on the server's only thread, and passes long strings through JSON both ways.
  const [snapshotSql, htmlSql] = [await longText(tx, snapshotJson), await longText(tx, html)];
  await tx.$executeRaw`INSERT INTO "Publication" ("id", "articleId", "number", "snapshot", "html", "correctionNote", "publishedById", "publishedAt")
    VALUES (${id}, ${articleId}, ${number}, ${snapshotSql}::jsonb, ${htmlSql}, ${snapshot.correctionNote}, ${actorId}, ${publishedAt})`;
  await markArticlePublished(tx, articleId);
  await tx.auditLog.create({
    data: {
      actorId,
      action: 'publication.create',
      entityType: 'Article',
      entityId: articleId,
      after: { publicationId: id, number, claims: snapshot.claims.length },
    },
  });
  return { id, number, url: `/a/${article.slug}` };
}

/**
 * The Publish screen is the confirmation of what goes out: if the plan moved on since it was drawn (a claim
 * approved, changed or sent back; above all a verdict readers see that publishing would now withdraw, the one
 * case the screen asks about again), nothing is published and the person is told to look again.
 */
async function refuseUnseenChanges(tx: Tx, articleId: string, seen: SeenPlan): Promise<void> {
  const plan = await planIn(tx, articleId);
  if (plan.fingerprint === seen.fingerprint) return;
  const shown = new Set(seen.withdrawals);
  const unseen = plan.claims.filter((c) => c.withdrawnRating !== null && !shown.has(c.id));
  throw new AppError(
    'CONFLICT',
    unseen.length > 0
      ? `Since this page was opened, publishing would also withdraw the verdict on ${unseen
          .map((c) => `“${c.exact}”`)
          .join(', ')}: reload the page to see what goes out now.`
      : 'Since this page was opened, what goes out changed (a claim was approved, changed, sent back or published): reload the page to see what goes out now.',
  );
}

export async function publishArticle(
  actor: Actor | null,
  articleId: string,
  input: { correctionNote?: string },
  seen?: SeenPlan,
) {
  authorize(actor, 'publishArticles');
  const published = await db().$transaction(
    (tx) => createPublication(tx, actor.id, articleId, input.correctionNote ?? null, seen),
    { timeout: 30_000 },
  );
  forgetLatest(published.url.slice('/a/'.length));
  return published;
}
