// npm run bench:publish — time to publish a 20,000-word article with 100, 1,000 and 5,000 approved claims
// (each with a rating, a short verdict, an explanation and two sources): the whole transaction, snapshot
// and reader page included, on a throwaway embedded PostgreSQL.
import { randomUUID } from 'node:crypto';
import { addClaimMark } from '@/lib/editor/claim-marks';
import { plainText } from '@/lib/editor/plain-text';
import { documentFromText, parseDocument } from '@/lib/editor/schema';
import { createPrismaClient } from '@/lib/db/client';
import { seedDatabase } from '@/prisma/seed';
import { createFreshDatabase, dropDatabase, startTestServer } from '@/scripts/testing/test-database';
import { generateArticle } from './generated-article';
import { recordResults, round, runBench } from './support';

const WORDS = 20_000;
const SIZES = [100, 1_000, 5_000];
const RUNS = 3;

async function main() {
  const server = await startTestServer();
  const url = await createFreshDatabase(server.adminUrl, { migrate: true });
  process.env.DATABASE_URL = url;
  // Loaded after DATABASE_URL is set: the app's one client reads it on first use.
  const { createPublication } = await import('@/lib/data/publications/publish-article');
  const { db } = await import('@/lib/db');
  const prisma = createPrismaClient(url);
  try {
    await seedDatabase(prisma, { demo: true });
    const editor = await prisma.user.findFirstOrThrow({ where: { email: 'editor@example.org' } });
    const rating = await prisma.rating.findFirstOrThrow({ where: { label: 'False' } });
    const msByClaims: Record<string, number> = {};
    const runsByClaims: Record<string, number[]> = {};
    for (const size of SIZES) {
      const { text, claimAt } = generateArticle(WORDS, size);
      let doc = parseDocument(documentFromText(text));
      const ids = claimAt.map(() => randomUUID());
      claimAt.forEach((range, i) => (doc = addClaimMark(doc, range, ids[i] ?? '')));
      const plain = plainText(doc).text;
      const article = await prisma.article.create({
        data: {
          title: `Benchmark ${size}`,
          slug: `benchmark-${size}-${randomUUID().slice(0, 8)}`,
          content: doc.toJSON() as object,
          plainText: plain,
        },
      });
      await prisma.claim.createMany({
        data: claimAt.map((r, i) => ({
          id: ids[i],
          articleId: article.id,
          exact: plain.slice(r.start, r.end),
          prefix: plain.slice(Math.max(0, r.start - 32), r.start),
          suffix: plain.slice(r.end, r.end + 32),
          start: r.start,
          end: r.end,
          status: 'APPROVED' as const,
          claimantName: 'A minister',
          claimReviewed: plain.slice(r.start, r.end),
        })),
      });
      const explanation = {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'The official figures say otherwise; see the sources.' }],
          },
        ],
      };
      await prisma.verdict.createMany({
        data: ids.map((claimId) => ({
          claimId,
          ratingId: rating.id,
          shortVerdict: 'The figures show the opposite.',
          explanation,
          authorId: editor.id,
        })),
      });
      const sources = await prisma.source.createManyAndReturn({
        data: ids.flatMap((_, i) =>
          [0, 1].map((k) => ({
            url: `https://stats.example.org/${size}/${i}/${k}`,
            title: `Table ${i}.${k}`,
            publisher: 'Statistics office',
            kind: 'OFFICIAL_DATA' as const,
          })),
        ),
      });
      await prisma.claimSource.createMany({
        data: sources.map((s, j) => ({ claimId: ids[Math.floor(j / 2)] ?? '', sourceId: s.id, position: j % 2 })),
      });

      const runs: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        const published = await db().$transaction(
          (tx) => createPublication(tx, editor.id, article.id, run === 0 ? null : `Benchmark correction ${run}.`),
          { timeout: 120_000 },
        );
        runs.push(round(performance.now() - started));
        if (published.number !== run + 1) throw new Error(`expected version ${run + 1}, got ${published.number}`);
      }
      const sorted = [...runs].sort((a, b) => a - b);
      msByClaims[String(size)] = sorted[Math.floor(sorted.length / 2)] ?? NaN;
      runsByClaims[String(size)] = runs;
      process.stderr.write(`publish: ${size} claims → ${runs.join(', ')} ms\n`);
    }
    await recordResults('publish', {
      command: 'npm run bench:publish',
      words: WORDS,
      runs: RUNS,
      msByClaims,
      runsByClaims,
      target: { claims: 1000, ms: 1000 },
    });
  } finally {
    await prisma.$disconnect();
    await db().$disconnect();
    await dropDatabase(server.adminUrl, url);
    await server.stop();
  }
}

runBench(main);
