// Who wrote a live save: every editor since the last save is credited on each claim the save changed.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { editorSchema } from '@/lib/editor/schema';
import { createArticle } from '@/lib/data/articles/create-article';
import { createClaim } from '@/lib/data/claims/create-claim';
import { creditLiveAuthors, dropForeignClaimMarks, readClaimVersions } from './live-authors';

async function editor(): Promise<Actor> {
  const row = await db().user.create({
    data: { email: `${randomUUID().slice(0, 8)}@live-authors.test`, name: 'Live editor', roles: ['EDITOR'] },
  });
  return { id: row.id, email: row.email, name: row.name, roles: ['EDITOR'], via: 'session' };
}

const marked = (ids: string[]) =>
  editorSchema().nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: ids.flatMap((id, i) => [
          { type: 'text', text: `word${i} ` },
          { type: 'text', text: `claim${i}`, marks: [{ type: 'claim', attrs: { id } }] },
        ]),
      },
    ],
  });

describe('creditLiveAuthors', () => {
  it('adds every editor of the save to the authors of the claims it changed, once each, with an audit entry', async () => {
    const [actor, other] = [await editor(), await editor()];
    const article = await createArticle(actor, { format: 'text', body: 'Prices rose and wages fell last year.' });
    const changed = await createClaim(actor, article.id, { quote: { exact: 'Prices rose' } });
    const untouched = await createClaim(actor, article.id, { quote: { exact: 'wages fell' } });
    const before = await db().$transaction((tx) => readClaimVersions(tx, article.id));
    expect(before.get(changed.id)).toBe(changed.version);
    await db().claim.update({ where: { id: changed.id }, data: { version: { increment: 1 } } });

    const credited = await db().$transaction((tx) =>
      creditLiveAuthors(tx, actor, article.id, before, [other.id, actor.id, other.id]),
    );
    expect(credited).toEqual([changed.id]);
    const rows = await db().claim.findMany({ where: { articleId: article.id }, select: { id: true, authorIds: true } });
    const authors = new Map(rows.map((r) => [r.id, r.authorIds]));
    expect([...(authors.get(changed.id) ?? [])].sort()).toEqual([actor.id, other.id].sort());
    expect(authors.get(untouched.id)).not.toContain(other.id);
    const audit = await db().auditLog.findMany({ where: { entityId: changed.id, action: 'claim.live-authors' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ via: 'collaboration' });
  });

  it('credits nobody and writes nothing when no editor sent an update', async () => {
    const actor = await editor();
    const article = await createArticle(actor, { format: 'text', body: 'The river rose two metres.' });
    const claim = await createClaim(actor, article.id, { quote: { exact: 'two metres' } });
    const credited = await db().$transaction((tx) => creditLiveAuthors(tx, actor, article.id, new Map(), []));
    expect(credited).toEqual([]);
    expect(await db().auditLog.count({ where: { entityId: claim.id, action: 'claim.live-authors' } })).toBe(0);
  });
});

describe('dropForeignClaimMarks', () => {
  it('drops marks whose id is not a claim id or is another article’s claim, and keeps the article’s own', async () => {
    const actor = await editor();
    const article = await createArticle(actor, { format: 'text', body: 'Crime fell by half in the city.' });
    const elsewhere = await createArticle(actor, { format: 'text', body: 'Taxes went up for everyone.' });
    const own = await createClaim(actor, article.id, { quote: { exact: 'Crime fell' } });
    const foreign = await createClaim(actor, elsewhere.id, { quote: { exact: 'Taxes went up' } });

    const { doc, dropped } = await db().$transaction((tx) =>
      dropForeignClaimMarks(tx, article.id, marked([own.id, foreign.id, 'not-a-uuid'])),
    );
    expect([...dropped].sort()).toEqual([foreign.id, 'not-a-uuid'].sort());
    const ids: string[] = [];
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'claim') ids.push(String(mark.attrs.id));
    });
    expect(ids).toEqual([own.id]);
    expect(doc.textContent).toBe('word0 claim0word1 claim1word2 claim2');
  });
});
