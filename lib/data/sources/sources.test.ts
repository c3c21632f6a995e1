import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { searchSources } from './search-sources';

describe('searchSources', () => {
  afterAll(() => db().$disconnect());

  it('searches for %, _ and \\ as typed, not as wildcards', async () => {
    const tag = randomUUID().slice(0, 8);
    const editor: Actor = {
      id: (await db().user.create({ data: { email: `${tag}@sources.test`, name: 'Editor', roles: ['EDITOR'] } })).id,
      email: `${tag}@sources.test`,
      name: 'Editor',
      roles: ['EDITOR'],
      via: 'session',
    };
    const titles = [
      `Rates up 5% ${tag}`,
      `Rates up 5 ${tag}`,
      `snake_case ${tag}`,
      `snakeXcase ${tag}`,
      `back\\slash ${tag}`,
    ];
    for (const title of titles)
      await db().source.create({ data: { url: `https://stats.example.org/${randomUUID()}`, title } });
    const found = async (q: string) =>
      (await searchSources(editor, q)).items.map((s) => s.title).filter((t) => t.endsWith(tag));
    expect(await found(`5% ${tag}`)).toEqual([`Rates up 5% ${tag}`]);
    expect(await found(`e_c`)).toEqual([`snake_case ${tag}`]);
    expect(await found(`k\\s`)).toEqual([`back\\slash ${tag}`]);
    expect((await found(tag)).sort()).toEqual([...titles].sort());
  });
});
