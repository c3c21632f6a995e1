import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { claimRanges } from '@/lib/editor/claim-marks';
import { parseDocument } from '@/lib/editor/schema';
import { createFreshDatabase, dropDatabase } from '@/scripts/testing/test-database';
import { seedDatabase } from './seed';

describe('seed', () => {
  const adminUrl = inject('adminDatabaseUrl');
  let url: string;
  let prisma: PrismaClient;

  beforeAll(async () => {
    url = await createFreshDatabase(adminUrl, { migrate: true });
    prisma = createPrismaClient(url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await dropDatabase(adminUrl, url);
  });

  it('fills an empty database with the demo newsroom', async () => {
    const result = await seedDatabase(prisma, { demo: true });
    expect(result.seededDemo).toBe(true);
    expect(result.users.map((u) => u.email).sort()).toEqual([
      'admin@example.org',
      'editor@example.org',
      'reviewer@example.org',
    ]);

    const users = await prisma.user.findMany();
    expect(users.map((u) => u.roles.join()).sort()).toEqual(['ADMIN', 'EDITOR', 'REVIEWER']);
    expect(users.every((u) => u.passwordHash?.startsWith('$argon2id$'))).toBe(true);
    expect(await prisma.rating.count()).toBe(8);
    expect((await prisma.rating.findFirst({ where: { label: 'Unverifiable' } }))?.value).toBeNull();
    const settings = await prisma.organisationSettings.findUniqueOrThrow({ where: { id: 'default' } });
    expect(settings.correctionsPolicyUrl).toMatch(/^https:\/\//);
  });

  it('marks 5–7 sample claims whose selectors and marks match the article text', async () => {
    const article = await prisma.article.findFirstOrThrow({
      include: { claims: { include: { verdict: true, sources: true } } },
    });
    expect(article.isSample).toBe(true);
    expect(article.claims.length).toBeGreaterThanOrEqual(5);
    expect(article.claims.length).toBeLessThanOrEqual(7);
    const ranges = claimRanges(parseDocument(article.content));
    for (const claim of article.claims) {
      expect(claim.isSample).toBe(true);
      expect(article.plainText.slice(claim.start, claim.end)).toBe(claim.exact);
      expect(article.plainText.slice(0, claim.start).endsWith(claim.prefix)).toBe(true);
      expect(article.plainText.slice(claim.end).startsWith(claim.suffix)).toBe(true);
      expect(ranges.get(claim.id)).toEqual({ start: claim.start, end: claim.end });
    }
    const approved = article.claims.filter((c) => c.status === 'APPROVED');
    expect(approved.length).toBeGreaterThanOrEqual(3);
    for (const claim of approved) {
      expect(claim.verdict?.ratingId).toBeTruthy();
      expect(claim.verdict?.shortVerdict.length).toBeGreaterThan(0);
      expect(claim.sources.length).toBe(2);
    }
    expect(article.claims.filter((c) => c.status === 'IN_REVIEW')).toHaveLength(1);
    expect(article.claims.filter((c) => c.status === 'DRAFT').length).toBeGreaterThanOrEqual(1);
  });

  it('publishes the demo as version 1 with its approved claims only', async () => {
    const publications = await prisma.publication.findMany();
    expect(publications).toHaveLength(1);
    const [v1] = publications;
    expect(v1?.number).toBe(1);
    const snapshot = v1?.snapshot as { claims: { id: string }[] };
    const approved = await prisma.claim.findMany({ where: { status: 'APPROVED' }, select: { id: true } });
    expect(snapshot.claims.map((c) => c.id).sort()).toEqual(approved.map((c) => c.id).sort());
    expect(v1?.html).toContain('<mark class="claim"');
    // Structured data is the only script element, and it is not executable.
    expect(v1?.html.match(/<script[^>]*>/gi)).toEqual(['<script type="application/ld+json">']);
    expect((await prisma.article.findFirstOrThrow()).status).toBe('PUBLISHED');
  });

  it('adds nothing when run again', async () => {
    const before = await Promise.all([
      prisma.user.count(),
      prisma.article.count(),
      prisma.claim.count(),
      prisma.rating.count(),
      prisma.publication.count(),
    ]);
    const result = await seedDatabase(prisma, { demo: true });
    expect(result.seededDemo).toBe(false);
    const after = await Promise.all([
      prisma.user.count(),
      prisma.article.count(),
      prisma.claim.count(),
      prisma.rating.count(),
      prisma.publication.count(),
    ]);
    expect(after).toEqual(before);
  });

  it('seeds only the rating scale and settings when the demo is off', async () => {
    const bareUrl = await createFreshDatabase(adminUrl, { migrate: true });
    const bare = createPrismaClient(bareUrl);
    try {
      expect((await seedDatabase(bare, { demo: false })).seededDemo).toBe(false);
      expect(await bare.user.count()).toBe(0);
      expect(await bare.article.count()).toBe(0);
      expect(await bare.rating.count()).toBe(8);
    } finally {
      await bare.$disconnect();
      await dropDatabase(adminUrl, bareUrl);
    }
  });
});
