// Seeds what every install needs (the rating scale, the settings row) and, unless FACTMARK_DEMO=0,
// the demo newsroom. Idempotent: it only fills an empty database.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findQuote, quoteAt } from '@/lib/anchoring/quote';
import { hashPassword } from '@/lib/auth/password';
import { addClaimMark } from '@/lib/editor/claim-marks';
import { plainText } from '@/lib/editor/plain-text';
import { documentFromText, parseDocument } from '@/lib/editor/schema';
import type { PrismaClient } from '@/lib/db/client';
import { readClaimDetailDto } from '@/lib/data/claims/lifecycle';
import { createPublication } from '@/lib/data/publications/publish-article';
import { reviewedContentOf, reviewSnapshot } from '@/lib/review/reviewed-content';
import { demoArticle, demoClaims, demoSettings, demoUsers } from './seed-data/demo';
import { defaultRatings } from './seed-data/rating-scale';

export interface SeedResult {
  seededDemo: boolean;
  users: { email: string; password: string; roles: readonly string[] }[];
}

function explanationDoc(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

async function buildDemoDocument() {
  const text = await readFile(path.join(import.meta.dirname, 'seed-data', 'demo-article.txt'), 'utf8');
  let doc = parseDocument(documentFromText(text));
  const claims = demoClaims.map((claim) => {
    const match = findQuote(plainText(doc).text, { exact: claim.exact });
    if (match.kind !== 'found') throw new Error(`Demo claim not found once in the article: ${claim.exact}`);
    const id = crypto.randomUUID();
    doc = addClaimMark(doc, match.position, id);
    return { id, claim, position: match.position };
  });
  const text2 = plainText(doc).text;
  return { doc, plain: text2, claims: claims.map((c) => ({ ...c, quote: quoteAt(text2, c.position) })) };
}

export async function seedDatabase(prisma: PrismaClient, options: { demo: boolean }): Promise<SeedResult> {
  const demo = options.demo ? await buildDemoDocument() : null;
  const hashes = demo ? await Promise.all(demoUsers.map((u) => hashPassword(u.password))) : [];

  return prisma.$transaction(
    async (tx) => {
      await tx.organisationSettings.upsert({ where: { id: 'default' }, create: { id: 'default' }, update: {} });
      if ((await tx.rating.count()) === 0) {
        await tx.rating.createMany({ data: defaultRatings.map((r, position) => ({ ...r, position })) });
      }
      if (!demo || (await tx.user.count()) > 0) return { seededDemo: false, users: [] };

      const users = [];
      for (const [i, u] of demoUsers.entries()) {
        users.push(
          await tx.user.create({
            data: { email: u.email, name: u.name, roles: [...u.roles], passwordHash: hashes[i] ?? null },
          }),
        );
      }
      const [, editor, reviewer] = users;
      await tx.organisationSettings.update({ where: { id: 'default' }, data: demoSettings });
      const ratings = new Map((await tx.rating.findMany()).map((r) => [r.label, r.id]));

      const article = await tx.article.create({
        data: {
          ...demoArticle,
          originalPublishedAt: new Date(demoArticle.originalPublishedAt),
          content: demo.doc.toJSON() as object,
          plainText: demo.plain,
          isSample: true,
          createdById: editor?.id,
          updatedById: editor?.id,
          factCheckerId: editor?.id,
          reviewerId: reviewer?.id,
        },
      });
      for (const { id, claim, quote, position } of demo.claims) {
        await tx.claim.create({
          data: {
            id,
            articleId: article.id,
            ...quote,
            ...position,
            statedClaim: claim.exact,
            claimReviewed: claim.claimReviewed,
            claimantName: claim.claimant,
            claimantRole: claim.claimantRole,
            claimDate: new Date(claim.claimDate),
            appearanceUrl: claim.appearanceUrl,
            status: claim.status,
            // An approved claim has no authors since its approval; the others were written by the editor.
            authorIds: claim.status === 'APPROVED' || !editor ? [] : [editor.id],
            isSample: true,
            createdById: editor?.id,
            updatedById: editor?.id,
            verdict: claim.verdict && {
              create: {
                ratingId: ratings.get(claim.verdict.rating) ?? null,
                shortVerdict: claim.verdict.shortVerdict,
                explanation: explanationDoc(claim.verdict.explanation),
                authorId: editor?.id,
                updatedById: editor?.id,
              },
            },
          },
        });
        for (const [index, source] of claim.sources.entries()) {
          const { excerpt, ...fields } = source;
          const existing = await tx.source.findFirst({ where: { url: fields.url } });
          const stored =
            existing ??
            (await tx.source.create({
              data: { ...fields, accessedAt: new Date('2025-08-18'), createdById: editor?.id },
            }));
          await tx.claimSource.create({ data: { claimId: id, sourceId: stored.id, excerpt, position: index } });
        }
        if (claim.status === 'APPROVED' && reviewer) {
          await tx.review.create({
            data: {
              claimId: id,
              reviewerId: reviewer.id,
              decision: 'APPROVED',
              claimVersion: 1,
              snapshot: reviewSnapshot(reviewedContentOf(await readClaimDetailDto(tx, id))) as object,
            },
          });
        }
      }
      // A fresh install shows a real reader page: the demo's approved claims, published as version 1.
      await createPublication(tx, editor?.id ?? null, article.id, null);
      return {
        seededDemo: true,
        users: demoUsers.map((u) => ({ email: u.email, password: u.password, roles: u.roles })),
      };
    },
    { timeout: 30_000 },
  );
}
