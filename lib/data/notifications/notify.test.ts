import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { createArticle } from '@/lib/data/articles/create-article';
import { createClaim } from '@/lib/data/claims/create-claim';
import { notify } from './notify';

async function editor(): Promise<Actor> {
  const row = await db().user.create({
    data: { email: `${randomUUID().slice(0, 8)}@notify.test`, name: 'Notified', roles: ['EDITOR'] },
  });
  return { id: row.id, email: row.email, name: row.name, roles: ['EDITOR'], via: 'session' };
}

describe('notify', () => {
  it('notifies each recipient once, never the actor, skipping empty recipients', async () => {
    const [actor, a, b] = [await editor(), await editor(), await editor()];
    const article = await createArticle(actor, { format: 'text', body: 'Unemployment doubled.' });
    const claim = await createClaim(actor, article.id, { quote: { exact: 'Unemployment doubled' } });

    await db().$transaction((tx) =>
      notify(tx, actor, 'submitted', claim.id, [a.id, actor.id, null, b.id, a.id, undefined]),
    );

    const rows = await db().notification.findMany({
      where: { claimId: claim.id },
      select: { userId: true, kind: true, actorId: true, readAt: true },
    });
    expect(rows.map((r) => r.userId).sort()).toEqual([a.id, b.id].sort());
    for (const row of rows) expect(row).toMatchObject({ kind: 'submitted', actorId: actor.id, readAt: null });
  });

  it('writes nothing when the only recipient is the actor', async () => {
    const actor = await editor();
    const article = await createArticle(actor, { format: 'text', body: 'Exports fell.' });
    const claim = await createClaim(actor, article.id, { quote: { exact: 'Exports fell' } });
    await db().$transaction((tx) => notify(tx, actor, 'comment', claim.id, [actor.id, null]));
    expect(await db().notification.count({ where: { claimId: claim.id } })).toBe(0);
  });
});
