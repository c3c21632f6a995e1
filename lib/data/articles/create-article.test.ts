// Creating an article from an import stores the worker's checked document and plain text as they are: what is
// read back is the same document, and its stored plain text is the one the editor's schema gives.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { plainText } from '@/lib/editor/plain-text';
import { parseDocument } from '@/lib/editor/schema';
import { createArticle } from './create-article';
import { getArticle } from './get-article';
import { saveArticle } from './save-article';

async function editor(): Promise<Actor> {
  const user = await db().user.create({
    data: { email: `${randomUUID().slice(0, 8)}@create.test`, name: 'Editor', roles: ['EDITOR'] },
  });
  return { id: user.id, email: user.email, name: user.name, roles: ['EDITOR'], via: 'session' };
}

describe('createArticle', () => {
  it('imports a page from its URL under the title typed with it, else the page’s own', async () => {
    const page =
      '<!doctype html><html lang="en"><head><title>Port news</title></head><body><article><h1>Port news</h1>' +
      '<p>The port created 5,000 jobs last year, the harbour master said on Monday at the annual meeting.</p>' +
      '<p>Its traffic rose by a fifth, and the new terminal will open in the spring of next year.</p></article></body></html>';
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.FACTMARK_ALLOW_PRIVATE_URLS = '1';
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/port`;
      const actor = await editor();
      expect((await createArticle(actor, { url, title: 'Harbour jobs, checked' })).title).toBe('Harbour jobs, checked');
      expect((await createArticle(actor, { url })).title).toBe('Port news');
    } finally {
      delete process.env.FACTMARK_ALLOW_PRIVATE_URLS;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);

  it('stores an imported Markdown document and its plain text as the editor reads them', async () => {
    const actor = await editor();
    const created = await createArticle(actor, {
      format: 'markdown',
      body: '## Port jobs\n\nThe port created *5,000* jobs.\n\n- one\n- two',
    });
    const row = await db().article.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.content).toEqual(created.content);
    expect(row.plainText).toBe('Port jobs\nThe port created 5,000 jobs.\none\ntwo');
    expect(plainText(parseDocument(row.content)).text).toBe(row.plainText);
    expect((await getArticle(actor, created.id)).content).toEqual(created.content);
    expect(created.title).toBe('Port jobs');
  }, 60_000);

  it('stores plain text as one paragraph per line, without the characters PostgreSQL refuses', async () => {
    const actor = await editor();
    const created = await createArticle(actor, { format: 'text', body: 'First line\n\n  Second\u0000 line  \n' });
    const row = await db().article.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.plainText).toBe('First line\nSecond line');
    expect(plainText(parseDocument(row.content)).text).toBe(row.plainText);
  });

  it('keeps every character of quotes, backslashes, emoji and right-to-left text, and a save answers what is stored', async () => {
    const actor = await editor();
    const tricky = 'He said "50%" \\ C:\\path — 🇺🇦 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, مرحبا, e\u0301, tab\there';
    const created = await createArticle(actor, { format: 'text', body: `${tricky}\n\nSecond paragraph.` });
    expect(created.plainText).toBe(`${tricky}\nSecond paragraph.`);
    expect((await getArticle(actor, created.id)).plainText).toBe(created.plainText);
    const content = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `${tricky} edited` }] }],
    };
    const saved = await saveArticle(actor, created.id, { baseVersion: created.version, content });
    expect(saved.plainText).toBe(`${tricky} edited`);
    // The save does not read back what it wrote: its answer must be what a later read gets.
    expect(await getArticle(actor, created.id)).toEqual(saved);
  });
});
