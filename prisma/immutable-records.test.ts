import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';

describe('permanent records', () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = createPrismaClient(inject('databaseUrl'));
  });
  afterAll(() => prisma.$disconnect());

  it('the database refuses to change or delete a publication', async () => {
    const article = await prisma.article.create({
      data: { title: 'Immutable', slug: `immutable-${Date.now()}`, content: { type: 'doc' }, plainText: '' },
    });
    const publication = await prisma.publication.create({
      data: { articleId: article.id, number: 1, snapshot: {}, html: '<p>v1</p>' },
    });
    await expect(
      prisma.publication.update({ where: { id: publication.id }, data: { html: 'defaced' } }),
    ).rejects.toThrow(/immutable/);
    await expect(prisma.publication.delete({ where: { id: publication.id } })).rejects.toThrow(/immutable/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "Publication" CASCADE')).rejects.toThrow(/immutable/);
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: publication.id } })).html).toBe('<p>v1</p>');
  });

  it('the audit log is append-only', async () => {
    const entry = await prisma.auditLog.create({
      data: { action: 'test', entityType: 'Article', entityId: 'x', after: { a: 1 } },
    });
    await expect(prisma.auditLog.update({ where: { id: entry.id }, data: { action: 'forged' } })).rejects.toThrow(
      /immutable/,
    );
    await expect(prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/immutable/);
    expect((await prisma.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe('test');
  });
});
