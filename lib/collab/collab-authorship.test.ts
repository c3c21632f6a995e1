// Who is credited with live changes when editors are on different instances: two collaboration servers on one
// database (relayed through LISTEN/NOTIFY, as two app instances are), real sockets, the real database.
import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= 'collab-authorship-test-secret-0123456789';
});

import { db } from '@/lib/db';
import { createArticle } from '@/lib/data/articles/create-article';
import { createClaim } from '@/lib/data/claims/create-claim';
import { approvalRefusal } from '@/lib/data/claims/lifecycle';
import { firstParagraph, liveClients, liveUser, serveCollab } from '@/scripts/testing/live-clients';
import { collabServer } from './server';

const onFirst = liveClients(() => first.origin());
const onSecond = liveClients(() => second.origin());
const first = serveCollab(collabServer, () => onFirst.destroyAll());
const second = serveCollab(collabServer, () => onSecond.destroyAll());

/** A paragraph's characters, without its marks. */
const plain = (text: Y.XmlText) =>
  (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : ' ')).join('');

describe('live authorship across instances', () => {
  it('credits an editor on one instance with the claim words they changed, whichever instance saves them', async () => {
    const creator = await liveUser(['EDITOR']);
    const rewriter = await liveUser(['EDITOR', 'REVIEWER']);
    const typist = await liveUser(['EDITOR']);
    const article = await createArticle(creator, {
      format: 'text',
      body: 'The mayor said crime fell by half last year.',
    });
    const claim = await createClaim(creator, article.id, { quote: { exact: 'crime fell by half' } });
    const t = await onSecond.connect(typist, article.id);
    const r = await onFirst.connect(rewriter, article.id);

    // The typist's change starts the second instance's save timer first; the rewriter's reaches it before it fires,
    // so the second instance saves the rewritten claim, in which it has no editor of its own who changed it.
    const typed = firstParagraph(t.document);
    typed.insert(typed.length, ' Really.');
    const text = firstParagraph(r.document);
    const at = plain(text).indexOf('by half');
    expect(at).toBeGreaterThan(0);
    text.delete(at, 'by '.length);
    await expect.poll(() => plain(firstParagraph(t.document)), { timeout: 10_000 }).toContain('crime fell half');

    await expect
      .poll(async () => (await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).exact, { timeout: 30_000 })
      .toBe('crime fell half');
    await expect
      .poll(async () => (await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).authorIds, {
        timeout: 30_000,
      })
      .toContain(rewriter.id);
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(approvalRefusal(rewriter, stored.authorIds)).not.toBeNull();
  }, 120_000);
});
