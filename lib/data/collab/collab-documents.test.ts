// Live collaboration's persistence: the shared Yjs document is saved through the article's save path (claims,
// selectors, plain text, version) and its updates are compacted; a reopened document comes back from them.
import { randomUUID } from 'node:crypto';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '@/lib/auth/permissions';
import { applyClaimMarkOnce, applyContentOnce, claimIdsOf, contentOf, prepareCollabSave } from '@/lib/collab/content';
import { COLLAB_FIELD } from '@/lib/collab/messages';
import { db } from '@/lib/db';
import { editorSchema } from '@/lib/editor/schema';
import { appendCollabUpdates } from './append-collab-updates';
import { changeCollabDocumentOnce } from './change-collab-document-once';
import { checkCollabAccess } from './check-collab-access';
import { findEndedSessions } from './find-ended-sessions';
import { loadCollabDocument } from './load-collab-document';
import { saveCollabDocument } from './save-collab-document';
import { storeInitialCollabState } from './store-initial-collab-state';
import { createClaim } from '@/lib/data/claims/create-claim';
import { createArticle } from '@/lib/data/articles/create-article';
import { getArticle } from '@/lib/data/articles/get-article';
import { saveArticle } from '@/lib/data/articles/save-article';

async function user(roles: ('EDITOR' | 'REVIEWER')[]): Promise<Actor> {
  const row = await db().user.create({
    data: { email: `${randomUUID().slice(0, 8)}@collab.test`, name: 'Collaborator', roles },
  });
  return { id: row.id, email: row.email, name: row.name, roles, via: 'session' };
}

const claimed = (id: string, before: string, words: string, after: string) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: before },
        { type: 'text', text: words, marks: [{ type: 'claim', attrs: { id } }] },
        { type: 'text', text: after },
      ],
    },
  ],
});

describe('saveCollabDocument', () => {
  it('credits whoever sent the stored updates it saves, though the server saving them never heard from them', async () => {
    // The rewriter's updates reached a thread (or an instance) that stopped before saving; another one saves them.
    const [creator, rewriter, saver] = [
      await user(['EDITOR']),
      await user(['EDITOR', 'REVIEWER']),
      await user(['EDITOR']),
    ];
    const article = await createArticle(creator, { format: 'text', body: 'The mayor said crime fell by half.' });
    const claim = await createClaim(creator, article.id, { quote: { exact: 'crime fell by half' } });
    const doc = prosemirrorJSONToYDoc(
      editorSchema(),
      claimed(claim.id, 'The mayor said ', 'crime fell half', '.'),
      COLLAB_FIELD,
    );
    await appendCollabUpdates(rewriter, article.id, [Y.encodeStateAsUpdate(doc)]);
    const content = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(COLLAB_FIELD));
    await saveCollabDocument(saver, article.id, () => ({ content, state: Y.encodeStateAsUpdate(doc) }), [saver.id]);
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.exact).toBe('crime fell half');
    expect(stored.authorIds).toEqual(expect.arrayContaining([rewriter.id, saver.id]));
  });

  it('saves the shared document like the editor did: a new claim with selectors over the text, the next version, updates compacted', async () => {
    const actor = await user(['EDITOR']);
    const article = await createArticle(actor, { format: 'text', body: 'The mayor said crime fell.' });
    const claimId = randomUUID();
    const doc = prosemirrorJSONToYDoc(
      editorSchema(),
      claimed(claimId, 'The mayor said ', 'crime fell by half', '.'),
      COLLAB_FIELD,
    );
    await appendCollabUpdates(actor, article.id, [Y.encodeStateAsUpdate(doc)]);
    const content = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(COLLAB_FIELD));

    const saved = await saveCollabDocument(actor, article.id, () => ({ content, state: Y.encodeStateAsUpdate(doc) }));
    expect(saved).toEqual({ version: article.version + 1, changed: true });
    const stored = await getArticle(actor, article.id);
    expect(stored.plainText).toBe('The mayor said crime fell by half.');
    expect(stored.claims).toHaveLength(1);
    const [claim] = stored.claims;
    expect(claim?.id).toBe(claimId);
    expect(stored.plainText.slice(claim?.position.start, claim?.position.end)).toBe('crime fell by half');
    expect(claim?.quote.exact).toBe('crime fell by half');

    // Compacted to one snapshot, from which the same document comes back.
    expect(await db().collabUpdate.count({ where: { articleId: article.id } })).toBe(1);
    const reopened = new Y.Doc();
    for (const update of (await loadCollabDocument(actor, article.id)).updates) Y.applyUpdate(reopened, update);
    expect(yXmlFragmentToProsemirrorJSON(reopened.getXmlFragment(COLLAB_FIELD))).toEqual(content);

    // The same text again changes nothing.
    expect(await saveCollabDocument(actor, article.id, () => ({ content, state: Y.encodeStateAsUpdate(doc) }))).toEqual(
      {
        version: article.version + 1,
        changed: false,
      },
    );
  }, 60_000);

  it('keeps in the snapshot an update appended after the saved state was taken (another instance, a batch in flight)', async () => {
    const actor = await user(['EDITOR']);
    const article = await createArticle(actor, { format: 'text', body: 'Prices rose.' });
    const doc = prosemirrorJSONToYDoc(
      editorSchema(),
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Prices rose.' }] }] },
      COLLAB_FIELD,
    );
    const taken = Y.encodeStateAsUpdate(doc);
    const content = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(COLLAB_FIELD));
    const before = Y.encodeStateVector(doc);
    const paragraph = doc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(11, ' fast');
    await appendCollabUpdates(actor, article.id, [taken, Y.encodeStateAsUpdate(doc, before)]);

    await saveCollabDocument(actor, article.id, () => ({ content, state: taken }));
    const reopened = new Y.Doc();
    for (const update of (await loadCollabDocument(actor, article.id)).updates) Y.applyUpdate(reopened, update);
    expect(reopened.getXmlFragment(COLLAB_FIELD).toString()).toContain('Prices rose fast.');
  }, 60_000);

  it('stores one first state of a document when two instances open it at once: both start from it', async () => {
    const actor = await user(['EDITOR']);
    const article = await createArticle(actor, { format: 'text', body: 'Both open it.' });
    const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Both open it.' }] }] };
    const [a, b] = [0, 1].map(() => Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), json, COLLAB_FIELD)));
    const [gotA, gotB] = await Promise.all([
      storeInitialCollabState(actor, article.id, a ?? new Uint8Array()),
      storeInitialCollabState(actor, article.id, b ?? new Uint8Array()),
    ]);
    expect(gotA).toEqual(gotB);
    expect(await db().collabUpdate.count({ where: { articleId: article.id } })).toBe(1);
  }, 60_000);

  it('writes an API save into the shared document once when two instances have it open at the same moment', async () => {
    const actor = await user(['EDITOR']);
    const article = await createArticle(actor, { format: 'text', body: 'Rents went up.' });
    const json = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rents went up.' }] }] };
    const [first] = await storeInitialCollabState(
      actor,
      article.id,
      Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), json, COLLAB_FIELD)),
    );
    // Two instances open the document from the same snapshot; nobody is connected when the API saves new text.
    const instances = [new Y.Doc(), new Y.Doc()];
    for (const doc of instances) Y.applyUpdate(doc, first ?? new Uint8Array());
    const content = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rents went up by a fifth in the capital.' }] }],
    };
    const saved = await saveArticle(actor, article.id, { baseVersion: article.version, content });

    // Each gets the save (its own, and the other's through the relay) at the same moment.
    await Promise.all(
      instances.map((doc) =>
        changeCollabDocumentOnce(actor, article.id, (stored) =>
          applyContentOnce(doc, stored.updates, saved.content, saved.version, 'relay'),
        ),
      ),
    );
    // The relay then brings each instance's updates to the other.
    const [a, b] = instances as [Y.Doc, Y.Doc];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of instances) expect(contentOf(doc)).toEqual(content);
    // A document opened later from the stored updates agrees.
    const reopened = new Y.Doc();
    for (const update of (await loadCollabDocument(actor, article.id)).updates) Y.applyUpdate(reopened, update);
    expect(contentOf(reopened)).toEqual(content);
  }, 60_000);

  it('marks a claim made through the API in the live text once, keeping an edit not saved yet', async () => {
    const actor = await user(['EDITOR']);
    const article = await createArticle(actor, { format: 'text', body: 'Wages fell last year.' });
    const json = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Wages fell last year.' }] }],
    };
    const [first] = await storeInitialCollabState(
      actor,
      article.id,
      Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), json, COLLAB_FIELD)),
    );
    const instances = [new Y.Doc(), new Y.Doc()] as const;
    for (const doc of instances) Y.applyUpdate(doc, first ?? new Uint8Array());
    // Someone on the first instance has typed at the start; it is not in the database yet.
    ((instances[0].getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Real ');
    const claim = await createClaim(actor, article.id, { quote: { exact: 'fell last year' } });
    const version = article.version + 1;
    await Promise.all(
      instances.map((doc) =>
        changeCollabDocumentOnce(actor, article.id, (stored) =>
          applyClaimMarkOnce(
            doc,
            stored.updates,
            { claimId: claim.id, quote: claim.quote },
            `${claim.id}:${version}`,
            'relay',
          ),
        ),
      ),
    );
    const [a, b] = instances;
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of instances) {
      expect(contentOf(doc)).toEqual({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Real Wages ' },
              { type: 'text', text: 'fell last year', marks: [{ type: 'claim', attrs: { id: claim.id } }] },
              { type: 'text', text: '.' },
            ],
          },
        ],
      });
    }
  }, 60_000);

  it('keeps a claim marked through the API whose mark has not reached the live document when it is saved (the last editor leaving)', async () => {
    const actor = await user(['EDITOR']);
    const article = await createArticle(actor, { format: 'text', body: 'Exports doubled in May.' });
    const json = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Exports doubled in May.' }] }],
    };
    const [first] = await storeInitialCollabState(
      actor,
      article.id,
      Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), json, COLLAB_FIELD)),
    );
    const live = new Y.Doc();
    Y.applyUpdate(live, first ?? new Uint8Array());
    let known = claimIdsOf(contentOf(live));
    const save = () =>
      saveCollabDocument(actor, article.id, (stored) => {
        const prepared = prepareCollabSave(live, stored, known, 'stored');
        known = prepared.known;
        return prepared;
      });
    // An editor typed (not saved yet); the API marks a claim, committed, and the live document closes before its
    // mark arrives: the final save is made from a document without the mark.
    ((live.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(22, ' alone');
    const claim = await createClaim(actor, article.id, { quote: { exact: 'doubled' } });
    expect(await save()).toMatchObject({ changed: true });

    const stored = await getArticle(actor, article.id);
    expect(stored.plainText).toBe('Exports doubled in May alone.');
    expect(stored.claims.map((c) => [c.id, c.quote.exact, c.detached])).toEqual([[claim.id, 'doubled', false]]);
    expect(stored.plainText.slice(stored.claims[0]?.position.start, stored.claims[0]?.position.end)).toBe('doubled');
    // The live document got the mark too, and a document reopened from what is stored has it.
    expect(claimIdsOf(contentOf(live))).toEqual(new Set([claim.id]));
    const reopened = new Y.Doc();
    for (const update of (await loadCollabDocument(actor, article.id)).updates) Y.applyUpdate(reopened, update);
    expect(claimIdsOf(contentOf(reopened))).toEqual(new Set([claim.id]));

    // An editor who then removes the mark the document had detaches the claim: it is not put back.
    applyClaimMarkOnce(live, [], { claimId: claim.id, quote: null }, 'unmarked in the editor', null);
    expect(claimIdsOf(contentOf(live))).toEqual(new Set());
    await save();
    const after = await getArticle(actor, article.id);
    expect(after.claims.map((c) => [c.id, c.detached])).toEqual([[claim.id, true]]);
  }, 60_000);

  it('refuses a reviewer: they follow the text read-only', async () => {
    const editor = await user(['EDITOR']);
    const reviewer = await user(['REVIEWER']);
    const article = await createArticle(editor, { format: 'text', body: 'Words.' });
    expect(await checkCollabAccess(reviewer, article.id)).toEqual({ canEdit: false });
    expect(await checkCollabAccess(editor, article.id)).toEqual({ canEdit: true });
    await expect(
      saveCollabDocument(reviewer, article.id, () => ({
        content: { type: 'doc', content: [] },
        state: new Uint8Array(),
      })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the users whose session ended or who were disabled', async () => {
    const [kept, disabled, signedOut] = await Promise.all([user(['EDITOR']), user(['EDITOR']), user(['EDITOR'])]);
    await db().user.update({ where: { id: disabled.id }, data: { disabled: true } });
    await db().user.update({ where: { id: signedOut.id }, data: { sessionVersion: { increment: 1 } } });
    const ended = await findEndedSessions(
      [kept, disabled, signedOut].map((u) => ({ userId: u.id, sessionVersion: 0 })),
    );
    expect([...ended].sort()).toEqual([disabled.id, signedOut.id].sort());
  });
});
