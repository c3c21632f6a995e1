// The /collab server's guarantees against a hostile or demoted collaborator, through real sockets to a real
// collabServer (on a throwaway HTTP server) and the real database: who is credited with live changes to a claim,
// roles re-checked on open sockets, sessions checked before the upgrade, presence and size limits.
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= 'collab-security-test-secret-0123456789';
});

import { db } from '@/lib/db';
import { createArticle } from '@/lib/data/articles/create-article';
import { createClaim } from '@/lib/data/claims/create-claim';
import { saveCollabDocument } from '@/lib/data/collab/save-collab-document';
import { approvalRefusal } from '@/lib/data/claims/lifecycle';
import {
  firstParagraph as paragraph,
  liveClients,
  liveUser as user,
  serveCollab,
  upgradeStatusWithoutSession,
} from '@/scripts/testing/live-clients';
import { collabServer } from './server';

const clients = liveClients(() => served.origin());
const served = serveCollab(collabServer, () => clients.destroyAll());
const connect = clients.connect;

describe('live collaboration security', () => {
  it('credits every editor who typed since the last save with a claim changed in it: nobody approves words they wrote', async () => {
    const creator = await user(['EDITOR']);
    const rewriter = await user(['EDITOR', 'REVIEWER']);
    const typist = await user(['EDITOR']);
    const article = await createArticle(creator, {
      format: 'text',
      body: 'The mayor said crime fell by half last year.',
    });
    const claim = await createClaim(creator, article.id, { quote: { exact: 'crime fell by half' } });

    const r = await connect(rewriter, article.id);
    const e = await connect(typist, article.id);
    // R changes the claim's words; E then types elsewhere, so that E's update is the last of the save's window.
    const text = paragraph(r.document);
    const plain = (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : ' '));
    const at = plain.join('').indexOf('by half');
    expect(at).toBeGreaterThan(0);
    text.delete(at, 'by '.length);
    await expect.poll(() => r.provider.unsyncedChanges, { timeout: 10_000 }).toBe(0);
    const other = paragraph(e.document);
    other.insert(other.length, ' Really.');

    await expect
      .poll(async () => (await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).exact, { timeout: 20_000 })
      .toBe('crime fell half');
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.authorIds).toEqual(expect.arrayContaining([rewriter.id, typist.id]));
    expect(approvalRefusal(rewriter, stored.authorIds)).not.toBeNull();
  }, 90_000);

  it('closes an editor socket within the second re-check once the editor role is removed', async () => {
    const admin = await user(['EDITOR']);
    const demoted = await user(['EDITOR']);
    const article = await createArticle(admin, { format: 'text', body: 'Unemployment is at five percent.' });
    const client = await connect(demoted, article.id);
    await db().user.update({ where: { id: demoted.id }, data: { roles: ['REVIEWER'] } });
    await expect.poll(() => client.closes.some((c) => c.code === 4403), { timeout: 15_000 }).toBe(true);
  }, 60_000);

  it('refuses the /collab upgrade without a valid session, before any WebSocket exists', async () => {
    const status = await upgradeStatusWithoutSession(served.origin());
    expect(status).toBe(401);
  });

  it('refuses presence that names someone else, and the others never see it', async () => {
    const editor = await user(['EDITOR']);
    const spoofer = await user(['REVIEWER']);
    const article = await createArticle(editor, { format: 'text', body: 'Inflation doubled in two years.' });
    const watcher = await connect(editor, article.id);
    const names = new Set<string>();
    watcher.provider.on('awarenessChange', ({ states }: { states: { user?: { name?: string } }[] }) => {
      for (const s of states) if (s.user?.name) names.add(s.user.name);
    });
    const liar = await connect(spoofer, article.id, 'Ada Admin', false);
    await expect.poll(() => liar.closes.some((c) => c.code === 4400), { timeout: 15_000 }).toBe(true);
    expect(names.has('Ada Admin')).toBe(false);
    liar.provider.destroy();
  }, 60_000);

  it('refuses a live change that makes the article longer than 2 MB of text, telling the editor', async () => {
    const editor = await user(['EDITOR']);
    const article = await createArticle(editor, { format: 'text', body: 'A short article.' });
    const client = await connect(editor, article.id);
    const text = paragraph(client.document);
    text.insert(text.length, 'x'.repeat(2 * 1024 * 1024 + 10));
    await expect.poll(() => client.closes.some((c) => c.code === 4413), { timeout: 30_000 }).toBe(true);
    expect(client.errors.join(' ')).toContain('longer than 2 MB');
    client.provider.destroy();
    const stored = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.plainText).toBe('A short article.');
  }, 90_000);

  it('drops a claim mark with another article’s claim id (or no claim id) when saving, instead of refusing every save', async () => {
    const editor = await user(['EDITOR']);
    const elsewhere = await createArticle(editor, { format: 'text', body: 'Taxes rose by ten percent.' });
    const foreign = await createClaim(editor, elsewhere.id, { quote: { exact: 'rose by ten percent' } });
    const article = await createArticle(editor, { format: 'text', body: 'Wages fell.' });
    const marked = (id: string) => ({ type: 'claim', attrs: { id } });
    const content = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Wages ', marks: [marked('not-a-claim-id')] },
            { type: 'text', text: 'fell sharply', marks: [marked(foreign.id)] },
            { type: 'text', text: '.' },
          ],
        },
      ],
    };
    const saved = await saveCollabDocument(editor, article.id, () => ({
      content,
      state: Y.encodeStateAsUpdate(new Y.Doc()),
    }));
    expect(saved).toMatchObject({ changed: true, dropped: ['not-a-claim-id', foreign.id] });
    const stored = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.plainText).toBe('Wages fell sharply.');
    expect(JSON.stringify(stored.content)).not.toContain('"claim"');
    expect(await db().claim.count({ where: { articleId: article.id } })).toBe(0);
    expect((await db().claim.findUniqueOrThrow({ where: { id: foreign.id } })).articleId).toBe(elsewhere.id);
  });
});
