import { expect, test } from '@playwright/test';
import { createUser, newPage, newsroom, type Newsroom, type TestUser } from './support/accounts';
import { editorText, markClaim, openLive, stored, typeOver } from './support/collab';

// Live collaboration is on unless FACTMARK_COLLAB=0 (lib/env.ts); off, the editor saves through the API.
test.skip(process.env.FACTMARK_COLLAB === '0', 'live collaboration is off (FACTMARK_COLLAB=0)');

let team: Newsroom;
let second: TestUser;
test.beforeAll(async () => {
  team = await newsroom();
  second = await createUser(team.admin, ['EDITOR']);
});

test('two editors type in different paragraphs and mark claims at once: both see all of it, no conflict, the API has both claims', async ({
  browser,
}) => {
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Alpha paragraph said prices rose.\n\nBeta paragraph said wages fell.' },
    })
  ).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);
  await expect(ann.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(2);

  // Both type fast at once, then go on typing while the other's characters arrive.
  const annTail = ' in the north, the south and the west of the country';
  const bobTail = ' according to the union, the ministry and the bank';
  await Promise.all([typeOver(ann, 'rose', `rose${annTail}`), typeOver(bob, 'fell', `fell${bobTail}`)]);
  for (const page of [ann, bob]) {
    await expect
      .poll(() => editorText(page), { timeout: 5_000 })
      .toBe(`Alpha paragraph said prices rose${annTail}.\nBeta paragraph said wages fell${bobTail}.`);
  }
  await expect
    .poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 })
    .toBe(`Alpha paragraph said prices rose${annTail}.\nBeta paragraph said wages fell${bobTail}.`);

  await Promise.all([
    (async () => {
      await typeOver(ann, 'rose', 'rose by ten percent');
      await markClaim(ann, 'prices rose by ten percent');
    })(),
    (async () => {
      await typeOver(bob, 'fell', 'fell for two years');
      await markClaim(bob, 'wages fell for two years');
    })(),
  ]);

  for (const page of [ann, bob]) {
    await expect
      .poll(() => editorText(page), { timeout: 5_000 })
      .toBe(
        `Alpha paragraph said prices rose by ten percent${annTail}.\nBeta paragraph said wages fell for two years${bobTail}.`,
      );
    await expect(page.getByRole('list', { name: 'Claims in document order' }).getByRole('listitem')).toHaveCount(2);
    await expect(page.locator('.conflict')).toHaveCount(0);
  }

  await expect
    .poll(async () => {
      const { plainText, claims } = await stored(team.editorApi, article.id);
      return claims.map((c) => [c.quote.exact, plainText.slice(c.position.start, c.position.end)]).sort();
    })
    .toEqual([
      ['prices rose by ten percent', 'prices rose by ten percent'],
      ['wages fell for two years', 'wages fell for two years'],
    ]);
  expect((await stored(team.editorApi, article.id)).plainText).toContain(
    `Alpha paragraph said prices rose by ten percent${annTail}.`,
  );
});

test('two editors typing at full speed into the same sentence lose no character', async ({ browser }) => {
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Kappa begins here and kappa ends here.' },
    })
  ).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);
  const annWords = ' quickly typed by the first editor without any pause at all';
  const bobWords = ' typed at the same moment by the second editor, just as fast';
  await Promise.all([typeOver(ann, 'begins', `begins${annWords}`), typeOver(bob, 'ends', `ends${bobWords}`)]);
  const expected = `Kappa begins${annWords} here and kappa ends${bobWords} here.`;
  for (const page of [ann, bob]) await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(expected);
  await expect
    .poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 })
    .toBe(expected);
});

test('an editor who goes offline keeps typing; back online, both texts merge in both editors and in the API', async ({
  browser,
}) => {
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Epsilon paragraph typed online.\n\nZeta paragraph typed offline.' },
    })
  ).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);

  await bob.context().setOffline(true);
  await expect(bob.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
  await Promise.all([
    typeOver(ann, 'online', 'online while the other was away'),
    typeOver(bob, 'offline', 'offline on a train'),
  ]);
  // Neither sees the other's words while one is away.
  await expect
    .poll(() => editorText(ann))
    .toBe('Epsilon paragraph typed online while the other was away.\nZeta paragraph typed offline.');
  expect(await editorText(bob)).toBe('Epsilon paragraph typed online.\nZeta paragraph typed offline on a train.');

  await bob.context().setOffline(false);
  const merged = 'Epsilon paragraph typed online while the other was away.\nZeta paragraph typed offline on a train.';
  for (const page of [ann, bob]) {
    await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(merged);
    await expect(page.locator('.conflict')).toHaveCount(0);
  }
  await expect(bob.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await expect.poll(async () => (await stored(team.editorApi, article.id)).plainText, { timeout: 15_000 }).toBe(merged);
});

test('text saved through the API while people edit appears in their editor', async ({ browser }) => {
  const created = (await (
    await team.editorApi.post('/api/v1/articles', { data: { format: 'text', body: 'Gamma paragraph before the API.' } })
  ).json()) as { id: string; version: number };
  const page = await newPage(browser);
  await openLive(page, second, created.id);
  const current = (await (await team.editorApi.get(`/api/v1/articles/${created.id}`)).json()) as { version: number };
  const content = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gamma paragraph after the API.' }] }],
  };
  expect(
    (
      await team.editorApi.patch(`/api/v1/articles/${created.id}`, { data: { baseVersion: current.version, content } })
    ).status(),
  ).toBe(200);
  await expect.poll(() => editorText(page)).toBe('Gamma paragraph after the API.');
  // A client still on the old version is refused, as before.
  expect(
    (
      await team.editorApi.patch(`/api/v1/articles/${created.id}`, { data: { baseVersion: current.version, content } })
    ).status(),
  ).toBe(409);
});
