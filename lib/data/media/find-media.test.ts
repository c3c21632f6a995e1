// Imported images are stored with their article in its transaction, and shown to staff at once but to
// readers only once a publication of that article shows them.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { mediaIdOf } from '@/lib/editor/figure';
import { createArticle } from '@/lib/data/articles/create-article';
import { findMedia } from './find-media';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) =>
    req.url === '/photo.png' ? res.writeHead(200, { 'content-type': 'image/png' }).end(PNG) : res.writeHead(404).end(),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
});
afterAll(async () => {
  delete process.env.FACTMARK_ALLOW_PRIVATE_URLS;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function user(roles: Actor['roles']): Promise<Actor> {
  const row = await db().user.create({
    data: { email: `${randomUUID().slice(0, 8)}@media.test`, name: 'Someone', roles: [...roles] },
  });
  return { id: row.id, email: row.email, name: row.name, roles, via: 'session' };
}

describe('imported images', () => {
  it('are stored with the article, visible to staff, and to readers only once a publication shows them', async () => {
    const editor = await user(['EDITOR']);
    const created = await createArticle(editor, {
      format: 'html',
      body: `<p>The new bridge.</p><figure><img src="${base}/photo.png" alt="Bridge"><figcaption>Opening day</figcaption></figure>`,
    });
    const figure = (created.content.content as { type: string; attrs?: { src?: string } }[]).find(
      (n) => n.type === 'figure',
    );
    const id = mediaIdOf(figure?.attrs?.src);
    expect(id).not.toBeNull();
    const row = await db().media.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({
      articleId: created.id,
      type: 'image/png',
      size: PNG.byteLength,
      createdById: editor.id,
      sourceUrl: `${base}/photo.png`,
    });

    const reviewer = await user(['REVIEWER']);
    expect(Buffer.from((await findMedia(reviewer, id!))!.bytes).equals(PNG)).toBe(true);
    expect(await findMedia(reviewer, id!)).toMatchObject({ type: 'image/png', isPublic: false });
    expect(await findMedia(null, id!)).toBeNull();
    expect(await findMedia(await user([]), id!)).toBeNull();

    // Another article's publication showing this image does not make it public: only its own article's does.
    const other = await createArticle(editor, { format: 'text', body: 'Other story.' });
    const publish = (articleId: string) =>
      db().publication.create({
        data: {
          articleId,
          number: 1,
          snapshot: {},
          html: `<figure><img src="/media/${id}" alt="Bridge"></figure>`,
          publishedById: editor.id,
        },
      });
    await publish(other.id);
    expect(await findMedia(null, id!)).toBeNull();
    await publish(created.id);
    expect(await findMedia(null, id!)).toMatchObject({ type: 'image/png', isPublic: true });

    // Deleted, the article's pages are gone for readers, and its images with them; staff still see them.
    await db().article.update({ where: { id: created.id }, data: { deletedAt: new Date() } });
    expect(await findMedia(null, id!)).toBeNull();
    expect(await findMedia(reviewer, id!)).toMatchObject({ type: 'image/png', isPublic: false });
  });

  it('answers nothing for an id that is not a stored image', async () => {
    expect(await findMedia(await user(['EDITOR']), randomUUID())).toBeNull();
    expect(await findMedia(await user(['EDITOR']), "' OR 1=1 --")).toBeNull();
  });
});
