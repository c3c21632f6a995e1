// API changes that reach the collaboration server while an article's shared document is being opened: the load has
// read the article, Hocuspocus has not yet listed the document as open. Each must be in the live text once the
// editor is synced, as it is when it arrives before the load or after it (a real server, real sockets, the real
// database; the moment of the change is generated, so each run tries many points of the load).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= 'collab-api-during-load-test-secret-0123456789';
});

import { createArticle } from '@/lib/data/articles/create-article';
import { saveArticle } from '@/lib/data/articles/save-article';
import { createClaim } from '@/lib/data/claims/create-claim';
import { liveClients, liveUser, serveCollab } from '@/scripts/testing/live-clients';
import { claimIdsOf, contentOf } from './content';
import { collabServer } from './server';

const clients = liveClients(() => served.origin());
const served = serveCollab(collabServer, () => clients.destroyAll());

const paragraphs = (texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe('API changes made while the live document opens', () => {
  it('puts a claim marked through the API in the live text, whenever during the load it is made', async () => {
    const editor = await liveUser(['EDITOR']);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), async (delay) => {
        const article = await createArticle(editor, { format: 'text', body: 'Wages fell by a tenth last year.' });
        const connecting = clients.connect(editor, article.id);
        await sleep(delay);
        const claim = await createClaim(editor, article.id, { quote: { exact: 'fell by a tenth' } });
        const { document } = await connecting;
        await expect.poll(() => claimIdsOf(contentOf(document)).has(claim.id), { timeout: 10_000 }).toBe(true);
        clients.destroyAll();
      }),
      { numRuns: 25 },
    );
  }, 600_000);

  it('puts text saved through the API in the live text, whenever during the load it is saved', async () => {
    const editor = await liveUser(['EDITOR']);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), async (delay) => {
        const article = await createArticle(editor, { format: 'text', body: 'The first text.' });
        const connecting = clients.connect(editor, article.id);
        await sleep(delay);
        await saveArticle(editor, article.id, {
          baseVersion: article.version,
          content: paragraphs(['The first text.', 'A second paragraph saved through the API.']),
        });
        const { document } = await connecting;
        await expect
          .poll(() => JSON.stringify(contentOf(document)), { timeout: 10_000 })
          .toContain('A second paragraph saved through the API.');
        clients.destroyAll();
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});
