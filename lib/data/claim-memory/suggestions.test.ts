import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { suggestArticleClaims } from './suggestions';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

async function user(roles: ('EDITOR' | 'REVIEWER' | 'ADMIN')[]): Promise<Actor> {
  const u = await db().user.create({ data: { email: `${unique()}@suggest.test`, name: `User ${unique()}`, roles } });
  return { id: u.id, email: u.email, name: u.name, roles, via: 'session' };
}

const text = [
  'Rents in Carrow rose by 22 percent in three years, the highest rise in the region.',
  'The flat above the launderette has damp patches.',
  'The council built 140 homes last year because land prices fell.',
].join('\n');

describe('suggested claims of an article', () => {
  afterAll(() => db().$disconnect());

  it('offers the check-worthy sentences at their offsets, leaves out one a claim overlaps, and answers staff only', async () => {
    const reviewer = await user(['REVIEWER']);
    const article = await db().article.create({
      data: { title: 'Rents', slug: `suggest-${unique()}`, content: { type: 'doc' }, plainText: text },
    });
    const first = await suggestArticleClaims(reviewer, article.id);
    const quotes = first.items.map((s) => s.quote.exact);
    expect(quotes).toHaveLength(2);
    expect(quotes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Rents in Carrow rose by 22 percent/),
        expect.stringMatching(/^The council built 140 homes/),
      ]),
    );
    expect(first.items[0]?.score).toBeGreaterThanOrEqual(first.items[1]?.score ?? 1);
    for (const s of first.items) expect(text.slice(s.position.start, s.position.end)).toBe(s.quote.exact);

    // A claim on a few words of the first sentence (a new article version) takes that sentence out; a detached one does not count.
    const start = text.indexOf('22 percent');
    await db().claim.create({ data: { articleId: article.id, exact: '22 percent', start, end: start + 10 } });
    const homes = text.indexOf('140 homes');
    await db().claim.create({
      data: { articleId: article.id, exact: '140 homes', start: homes, end: homes + 9, detachedAt: new Date() },
    });
    await db().article.update({ where: { id: article.id }, data: { version: { increment: 1 } } });
    const after = await suggestArticleClaims(reviewer, article.id, 5);
    expect(after.items.map((s) => s.quote.exact)).toEqual([expect.stringMatching(/^The council built 140 homes/)]);

    await expect(suggestArticleClaims(null, article.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(suggestArticleClaims({ ...reviewer, roles: [] }, article.id)).rejects.toBeInstanceOf(AppError);
    await expect(suggestArticleClaims(reviewer, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
