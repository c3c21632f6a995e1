import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { db, pool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { searchQuery, similarInput } from '@/lib/validation/search';
import { findAlsoChecked } from './also-checked';
import { drainClaimMatchQueue, refreshClaimMatchTexts } from './match-index';
import { linkSameClaim } from './link-same-claim';
import { listSameClaims } from './list-same-claims';
import { unlinkSameClaim } from './unlink-same-claim';
import { MAX_FUZZY_CHARS, searchNewsroom } from './search';
import { findClaimsLike, findSimilarClaims } from './similar-claims';

const unique = () => randomUUID().replace(/-/g, '').slice(0, 10);

async function user(roles: ('EDITOR' | 'REVIEWER' | 'ADMIN')[]): Promise<Actor> {
  const u = await db().user.create({ data: { email: `${unique()}@memory.test`, name: `User ${unique()}`, roles } });
  return { id: u.id, email: u.email, name: u.name, roles, via: 'session' };
}

async function article(title: string, text: string, language = 'en') {
  return db().article.create({
    data: { title, slug: `memory-${unique()}`, content: { type: 'doc' }, plainText: text, language },
  });
}

async function claim(articleId: string, exact: string, extra: { claimantName?: string; claimReviewed?: string } = {}) {
  return db().claim.create({ data: { articleId, exact, start: 0, end: exact.length, ...extra } });
}

const search = (q: Record<string, unknown>) => searchQuery.parse(q);

describe('search and "already checked?"', () => {
  let editor: Actor;
  let reviewer: Actor;
  const word = `zorblat${unique().replace(/\d/g, 'q')}`;
  beforeAll(async () => {
    editor = await user(['EDITOR']);
    reviewer = await user(['REVIEWER']);
  });
  afterAll(() => db().$disconnect());

  it('finds articles by inflected words in their text, with the matching words highlighted in a plain-text snippet', async () => {
    const a = await article(`Harbour ${word} report`, `The ${word} harbours were dredging <b>sand</b> every winter.`);
    const { items } = await searchNewsroom(editor, search({ q: `${word} dredged`, type: 'article' }));
    const hit = items.find((i) => i.id === a.id);
    expect(hit).toMatchObject({ type: 'article', title: `Harbour ${word} report`, url: `/articles/${a.id}` });
    // Markup typed into the text never comes back as markup: the snippet is plain text.
    expect(hit?.snippet).toContain('sand');
    expect(hit?.snippet).not.toContain('<');
    const marked = hit?.highlights.map((h) => hit.snippet.slice(h.start, h.end).toLowerCase()) ?? [];
    expect(marked).toContain(word);
    expect(marked).toContain('dredging');
  });

  it('finds claims by claimant with a misspelt partial name, and filters by state, rating and claimant', async () => {
    const a = await article(`Claims ${word}`, 'Text.');
    const rating = await db().rating.create({
      data: { label: `False ${unique()}`, colour: '#b00020', position: 950, value: 0 },
    });
    const c1 = await claim(a.id, `Bread prices ${word} doubled`, { claimantName: 'Wilhelmina Okonkwo-Barnes' });
    const c2 = await claim(a.id, `Milk prices ${word} tripled`, { claimantName: 'Someone Else' });
    await db().verdict.create({ data: { claimId: c1.id, ratingId: rating.id, shortVerdict: 'Not so.' } });
    await db().claim.update({ where: { id: c2.id }, data: { status: 'IN_REVIEW' } });

    const byName = await searchNewsroom(editor, search({ q: 'Okonkwo Barns', type: 'claim' }));
    expect(byName.items.map((i) => i.id)).toContain(c1.id);
    const byRating = await searchNewsroom(editor, search({ q: word, rating: rating.id }));
    expect(byRating.items.map((i) => i.id)).toEqual([c1.id]);
    const inReview = await searchNewsroom(editor, search({ q: word, type: 'claim', state: 'in_review' }));
    expect(inReview.items.map((i) => i.id)).toEqual([c2.id]);
    const byClaimant = await searchNewsroom(editor, search({ q: word, claimant: 'okonkwo' }));
    expect(byClaimant.items.map((i) => i.id)).toEqual([c1.id]);
  });

  it('falls back to trigrams for a misspelt word that full-text search cannot find, and says so in the cursor', async () => {
    const town = `Pemberhollow${unique().replace(/\d/g, 'x')}`;
    const a = await article(`Ferries of ${town}`, 'Text.');
    const c = await claim(a.id, `Ferry fares in ${town} tripled`);
    const misspelt = town.replace('hollow', 'holow');
    const { items, correctedQuery } = await searchNewsroom(editor, search({ q: misspelt }));
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([a.id, c.id]));
    // The claim is found through the word corrected against the claims' vocabulary, and the answer names it.
    expect(correctedQuery).toBe(town.toLowerCase());
    expect(items.find((i) => i.id === c.id)?.highlights.length).toBeGreaterThan(0);
    // A claimant's misspelt name is corrected too.
    const name = `Okonkwa${unique().replace(/\d/g, 'z')}`;
    const byName = await claim(a.id, 'Ferry timetables were cut', { claimantName: `Adaeze ${name}` });
    const misnamed = await searchNewsroom(editor, search({ q: name.replace('kwa', 'kwe'), type: 'claim' }));
    expect(misnamed.items.map((i) => i.id)).toContain(byName.id);
    const page = await searchNewsroom(editor, search({ q: misspelt, limit: '1' }));
    expect(page.nextCursor).toMatch(/^f\d+$/);
    // A long query does not fall back to trigrams (their scan of every claim cost seconds), not even by its cursor.
    const sentence = (name: string) =>
      `Ferry fares in ${name} tripled since the harbour authority raised the dues of the port`;
    await claim(a.id, sentence(town));
    const long = sentence(misspelt);
    expect(long.length).toBeGreaterThan(MAX_FUZZY_CHARS);
    expect(await searchNewsroom(editor, search({ q: long }))).toEqual({ items: [], nextCursor: null });
    expect(await searchNewsroom(editor, search({ q: long, cursor: 'f0' }))).toEqual({ items: [], nextCursor: null });
  });

  it('leaves out deleted claims and the claims of deleted articles, ranked or filtered', async () => {
    const own = `vellum${unique().replace(/\d/g, 'v')}`;
    const kept = await article('Kept', 'Text.');
    const gone = await article('Gone', 'Text.');
    const live = await claim(kept.id, `Ferry ${own} fares rose`);
    // The deleted ones match better (the word twice): they must not take the only places of a short page.
    const deleted = await claim(kept.id, `Ferry ${own} fares fell, ${own} says`);
    const orphan = await claim(gone.id, `Ferry ${own} fares doubled, ${own} says`);
    await db().claim.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await db().article.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    for (const q of [
      { q: own, type: 'claim', limit: '1' },
      { q: own, limit: '1' },
      { q: own, state: 'draft', type: 'claim', limit: '1' },
    ]) {
      const ids = (await searchNewsroom(editor, search(q))).items.map((i) => i.id);
      expect(ids).toEqual([live.id]);
      expect(ids).not.toContain(deleted.id);
      expect(ids).not.toContain(orphan.id);
    }
  });

  it('pages with nextCursor until every hit was seen once', async () => {
    const own = `quillon${unique().replace(/\d/g, 'k')}`;
    const a = await article('Paging', 'Text.');
    for (let i = 0; i < 5; i++) await claim(a.id, `Paging ${own} number ${i}`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchNewsroom(
        editor,
        search({ q: own, type: 'claim', limit: '2', ...(cursor ? { cursor } : {}) }),
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses an empty or over-long query naming q', () => {
    expect(searchQuery.safeParse({ q: '  ' }).error?.issues[0]?.path).toEqual(['q']);
    expect(searchQuery.safeParse({ q: 'x'.repeat(201) }).error?.issues[0]?.path).toEqual(['q']);
    // PostgreSQL refuses U+0000 in a parameter: a 400 naming the field, not a 500.
    expect(searchQuery.safeParse({ q: 'fares\u0000' }).error?.issues[0]?.path).toEqual(['q']);
    expect(searchQuery.safeParse({ q: 'fares', claimant: 'Ann\u0000' }).error?.issues[0]?.path).toEqual(['claimant']);
    expect(similarInput.safeParse({ text: 'fares \uD800 rose' }).error?.issues[0]?.path).toEqual(['text']);
  });

  it('finds a checked claim however it is reworded, the claim itself excluded, best first', async () => {
    const a = await article(`Jobs ${word}`, 'Text.');
    const checked = await claim(a.id, `Unemployment in ${word}ville rose to 28 percent last year`);
    const other = await claim(a.id, `Unemployment in ${word}ville fell to 9 percent last year`);
    const fresh = await claim(a.id, `Joblessness in ${word}ville went up to twenty-eight per cent in the past year`);
    const similar = await findSimilarClaims(editor, fresh.id, 5);
    const ids = similar.items.map((i) => i.claim.id);
    expect(ids).not.toContain(fresh.id);
    expect(ids[0]).toBe(checked.id);
    expect(ids.indexOf(other.id)).toBeGreaterThan(0);
    expect(similar.items[0]).toMatchObject({
      claim: { origin: 'newsroom', articleTitle: `Jobs ${word}`, status: 'DRAFT', url: `/review/${checked.id}` },
      isSameClaim: false,
    });

    const byText = await findClaimsLike(reviewer, `${word}ville unemployment: 28%, up`, 3);
    // The reworded claim states exactly the same: the two share first place.
    expect(
      byText.items
        .slice(0, 2)
        .map((i) => i.claim.id)
        .sort(),
    ).toEqual([checked.id, fresh.id].sort());
  });

  it('sees a claim edited since it was indexed (the queue is drained before matching)', async () => {
    const a = await article(`Edited ${word}`, 'Text.');
    const c = await claim(a.id, 'Nothing in particular');
    await refreshClaimMatchTexts(10_000);
    await db().claim.update({ where: { id: c.id }, data: { statedClaim: `Ferry fares in ${word}port tripled` } });
    const { items } = await findClaimsLike(editor, `${word}port ferry fares are three times higher`, 3);
    expect(items[0]?.claim.id).toBe(c.id);
  });

  it('waits for a rebuild running in another request instead of matching without the claims it has yet to take', async () => {
    const a = await article(`Held ${word}`, 'Text.');
    await refreshClaimMatchTexts(10_000);
    // Another request's rebuild holds the lock while this claim is saved.
    const other = await pool().connect();
    try {
      await other.query('BEGIN');
      await other.query(`SELECT pg_advisory_xact_lock(hashtextextended('factmark.claim-match-refresh', 0))`);
      const c = await claim(a.id, `Bridge tolls in ${word}ville doubled`);
      let settled = false;
      const found = findClaimsLike(editor, `${word}ville bridge tolls doubled`, 3).finally(() => (settled = true));
      // Until the search either answers or waits on the lock (a search that skipped the rebuild answers at once).
      const waitingOnLock = async () =>
        Number(
          (
            await pool().query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
            )
          ).rows[0]?.n,
        ) > 0;
      while (!settled && !(await waitingOnLock())) await new Promise((resolve) => setTimeout(resolve, 20));
      await other.query('COMMIT');
      expect((await found).items[0]?.claim.id).toBe(c.id);
    } finally {
      other.release();
    }
  });

  it('drains the whole queue in the background, batch after batch', async () => {
    const a = await article(`Drained ${word}`, 'Text.');
    // One statement (its trigger queues each claim): 450 creations at once would wait on the pool's ten
    // connections past their connect timeout on a loaded machine.
    const many = await db().claim.createManyAndReturn({
      data: Array.from({ length: 450 }, (_, i) => {
        const exact = `Claim ${i} of ${word}drain`;
        return { articleId: a.id, exact, start: 0, end: exact.length };
      }),
      select: { id: true },
    });
    const ids = { claimId: { in: many.map((c) => c.id) } };
    // A drain told to stop takes nothing.
    expect(await drainClaimMatchQueue(() => true)).toBe(0);
    // Given time, it takes batch after batch (another file's job workers may drain beside it: the end state counts).
    await expect
      .poll(
        async () => {
          await drainClaimMatchQueue(() => false, 120_000);
          return [await db().claimMatchText.count({ where: ids }), await db().claimMatchQueue.count({ where: ids })];
        },
        { timeout: 60_000 },
      )
      .toEqual([450, 0]);
  });

  it('records "same claim as" once per pair, lists it from both sides, and lets editors only', async () => {
    const a = await article(`Links ${word}`, 'Text.');
    const x = await claim(a.id, 'Claim X');
    const y = await claim(a.id, 'Claim Y');
    await expect(linkSameClaim(reviewer, x.id, y.id)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.status === 403,
    );
    await linkSameClaim(editor, x.id, y.id);
    await linkSameClaim(editor, y.id, x.id);
    expect((await listSameClaims(reviewer, x.id)).map((c) => c.id)).toEqual([y.id]);
    expect((await listSameClaims(reviewer, y.id)).map((c) => c.id)).toEqual([x.id]);
    expect((await findSimilarClaims(editor, x.id, 5)).items.find((i) => i.claim.id === y.id)?.isSameClaim ?? true).toBe(
      true,
    );
    await unlinkSameClaim(editor, y.id, x.id);
    expect(await listSameClaims(editor, x.id)).toEqual([]);
    await expect(linkSameClaim(editor, x.id, x.id)).rejects.toSatisfy((e) => e instanceof AppError && e.status === 422);
  });

  it('records "same claim as" once when it is clicked from both sides at the same moment, and never with an imported claim', async () => {
    const a = await article(`Races ${word}`, 'Text.');
    const x = await claim(a.id, 'Claim X at once');
    const y = await claim(a.id, 'Claim Y at once');
    const results = await Promise.allSettled([
      linkSameClaim(editor, x.id, y.id),
      linkSameClaim(editor, y.id, x.id),
      linkSameClaim(editor, x.id, y.id),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(
      await db().claimLink.count({
        where: {
          OR: [
            { claimId: x.id, sameAsId: y.id },
            { claimId: y.id, sameAsId: x.id },
          ],
        },
      }),
    ).toBe(1);
    const imported = await db().importedClaim.create({
      data: {
        url: `https://other.example/${unique()}`,
        claimReviewed: 'Claim X at once',
        ratingLabel: 'False',
        publisherName: 'Other',
        contentHash: unique(),
        normalized: 'claim x',
      },
    });
    await expect(linkSameClaim(editor, x.id, imported.id)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.status === 422,
    );
  });

  it('"Also checked" names the other claim as published, and nothing once that article is deleted (its page is gone)', async () => {
    const mine = await article(`Mine ${word}`, 'Text.');
    const theirs = await article(`Theirs ${word}`, 'Text.');
    const x = await claim(mine.id, 'Claim of mine');
    const y = await claim(theirs.id, 'Claim of theirs as edited later');
    await db().publication.create({
      data: {
        articleId: theirs.id,
        number: 1,
        html: '',
        snapshot: {
          article: { title: 'Theirs as published', slug: theirs.slug },
          claims: [{ id: y.id, exact: 'Claim of theirs', claimReviewed: '' }],
        },
      },
    });
    await linkSameClaim(editor, x.id, y.id);
    expect((await findAlsoChecked(db(), [x.id])).get(x.id)).toEqual([
      { claimId: y.id, claimReviewed: 'Claim of theirs', title: 'Theirs as published', slug: theirs.slug },
    ]);
    await db().article.update({ where: { id: theirs.id }, data: { deletedAt: new Date() } });
    expect((await findAlsoChecked(db(), [x.id])).get(x.id)).toBeUndefined();
  });

  it('finds sources by their title and publisher, alone with the Sources filter', async () => {
    const source = await db().source.create({
      data: {
        url: `https://stats.example.org/${word}`,
        title: `Prices ${word} bulletin`,
        publisher: 'Statistics Office',
      },
    });
    const { items } = await searchNewsroom(editor, search({ q: word, type: 'source' }));
    expect(items.map((i) => [i.type, i.id])).toEqual([['source', source.id]]);
    const misspelt = await searchNewsroom(editor, search({ q: 'Statistcs Ofice', type: 'source' }));
    expect(misspelt.items.map((i) => i.id)).toContain(source.id);
  });

  it('answers every combination of words and filters, each hit of the type asked for', async () => {
    const rating = await db().rating.create({
      data: { label: `Combo ${unique()}`, colour: '#b00020', position: 960, value: 0 },
    });
    const a = await article(`Combinations ${word}`, `Wages ${word} rose.`);
    await claim(a.id, `Wages ${word} rose`, { claimantName: 'Ada Quill' });
    const filters = fc.record(
      {
        q: fc.constantFrom(word, `${word.slice(0, -1)}x`, 'qqzzxxvv', 'Ada Quil', '- '.repeat(60), '"wages" or -rose'),
        type: fc.constantFrom('article', 'claim', 'source'),
        state: fc.constantFrom('draft', 'in_review', 'changes_requested', 'approved', 'published', 'retracted'),
        rating: fc.constant(rating.id),
        factChecker: fc.constant(editor.id),
        claimant: fc.constantFrom('ada', '%', 'Quill'),
        from: fc.constant('2020-01-01'),
        to: fc.constant('2099-12-31'),
        cursor: fc.constantFrom('0', 'f0', '20'),
      },
      { requiredKeys: ['q'] },
    );
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        const { items } = await searchNewsroom(editor, search(filter));
        const types = filter.type === 'claim' ? ['claim', 'imported'] : filter.type ? [filter.type] : null;
        if (types) for (const item of items) expect(types).toContain(item.type);
      }),
      { numRuns: 120 },
    );
  });

  it('lets only staff search', async () => {
    const outsider: Actor = { id: 'x', email: 'x@y.z', name: 'X', roles: [], via: 'session' };
    await expect(searchNewsroom(outsider, search({ q: 'anything' }))).rejects.toSatisfy(
      (e) => e instanceof AppError && e.status === 403,
    );
    await expect(findClaimsLike(null, 'anything', 5)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.status === 401,
    );
  });
});
