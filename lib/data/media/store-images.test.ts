import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { ImageToStore } from '@/lib/importing/import-images';
import { createArticle } from '@/lib/data/articles/create-article';
import { storeImportedImages } from './store-images';

async function staff(roles: ('EDITOR' | 'REVIEWER')[]): Promise<Actor> {
  const row = await db().user.create({
    data: { email: `${randomUUID().slice(0, 8)}@store-images.test`, name: 'Importer', roles },
  });
  return { id: row.id, email: row.email, name: row.name, roles, via: 'session' };
}

const image = (bytes: Buffer): ImageToStore => ({
  id: randomUUID(),
  type: 'image/png',
  bytes,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  sourceUrl: 'https://example.org/chart.png',
});

describe('storeImportedImages', () => {
  it('stores each image with its article, its bytes, size, hash, source and importer', async () => {
    const actor = await staff(['EDITOR']);
    const article = await createArticle(actor, { format: 'text', body: 'A chart of rents.' });
    const images = [image(Buffer.from('first image bytes')), image(Buffer.from('second'))];
    await db().$transaction((tx) => storeImportedImages(tx, actor, article.id, images));

    const rows = await db().media.findMany({ where: { articleId: article.id }, orderBy: { size: 'asc' } });
    expect(rows.map((r) => [r.id, r.type, r.size, r.sha256, r.sourceUrl, r.createdById])).toEqual(
      [images[1], images[0]].map((i) => [i!.id, 'image/png', i!.bytes.byteLength, i!.sha256, i!.sourceUrl, actor.id]),
    );
    expect(Buffer.from(rows[1]!.bytes).toString()).toBe('first image bytes');
  });

  it('refuses a reviewer and nobody, storing nothing', async () => {
    const editor = await staff(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'Another chart.' });
    const reviewer = await staff(['REVIEWER']);
    for (const [actor, code] of [
      [reviewer, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const refused = db().$transaction((tx) =>
        storeImportedImages(tx, actor, article.id, [image(Buffer.from('refused'))]),
      );
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({ code });
    }
    expect(await db().media.count({ where: { articleId: article.id } })).toBe(0);
  });
});
