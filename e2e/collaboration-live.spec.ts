import { expect, test } from '@playwright/test';
import { createUser, newPage, newsroom, type Newsroom, type TestUser } from './support/accounts';
import { initialsOf, openLive } from './support/collab';

// Live collaboration is on unless FACTMARK_COLLAB=0 (lib/env.ts); off, the editor saves through the API.
test.skip(process.env.FACTMARK_COLLAB === '0', 'live collaboration is off (FACTMARK_COLLAB=0)');

let team: Newsroom;
let second: TestUser;
test.beforeAll(async () => {
  team = await newsroom();
  second = await createUser(team.admin, ['EDITOR']);
});

test("a reviewer's approval appears in the editor's claim card without a reload", async ({ browser }) => {
  const words = 'exports tripled';
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: `The report says ${words} this decade.` },
    })
  ).json()) as { id: string };
  const claim = (await (
    await team.editorApi.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: words } } })
  ).json()) as { id: string };
  const ratings = (await (await team.editorApi.get('/api/v1/ratings')).json()) as {
    items: { id: string; label: string }[];
  };
  await team.editorApi.patch(`/api/v1/claims/${claim.id}`, {
    data: {
      baseVersion: 1,
      rating: ratings.items.find((r) => r.label === 'False')?.id,
      shortVerdict: 'No: they doubled.',
    },
  });
  await team.editorApi.post(`/api/v1/claims/${claim.id}/sources`, {
    data: {
      url: 'https://stats.example.org/exports',
      title: 'Exports',
      publisher: 'Stats office',
      publishedAt: '2025-05-01',
      kind: 'official-data',
    },
  });
  expect((await team.editorApi.post(`/api/v1/claims/${claim.id}/submit`)).status()).toBe(200);

  const page = await newPage(browser);
  await openLive(page, team.editor, article.id);
  const card = page.locator(`.claim-item[data-claim-id="${claim.id}"]`);
  await expect(card).toContainText('In review');
  const { version } = (await (await team.reviewerApi.get(`/api/v1/claims/${claim.id}`)).json()) as { version: number };
  expect(
    (
      await team.reviewerApi.post(`/api/v1/claims/${claim.id}/reviews`, {
        data: { decision: 'approve', claimVersion: version },
      })
    ).status(),
  ).toBe(201);
  await expect(card).toContainText('Approved');
});

test('who has which claim open shows on its card for the others, in initials and in words', async ({ browser }) => {
  const words = 'imports halved';
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: `The minister says ${words} since May.` },
    })
  ).json()) as { id: string };
  const claim = (await (
    await team.editorApi.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: words } } })
  ).json()) as { id: string };
  const [ann, bob] = await Promise.all([newPage(browser), newPage(browser)]);
  await openLive(ann, team.editor, article.id);
  await openLive(bob, second, article.id, 2);
  const card = bob.locator(`.claim-item[data-claim-id="${claim.id}"]`);
  await expect(card.locator('.claim-viewers')).toHaveCount(0);

  await ann.getByRole('link', { name: `Verdict and sources: ${words}` }).click();
  await expect(ann.locator('.claim-panel .claim-quote')).toContainText(words);
  await expect(card.locator('.claim-viewers')).toHaveText(
    `Open now by ${initialsOf(team.editor.name)} ${team.editor.name}`,
  );
  // Bob opens it too: Ann sees him above its details.
  await bob.getByRole('link', { name: `Verdict and sources: ${words}` }).click();
  await expect(ann.getByRole('complementary', { name: 'Claim details' }).locator('.claim-viewers')).toContainText(
    `Also open by ${initialsOf(second.name)} ${second.name}`,
  );
  await expect(bob.getByRole('complementary', { name: 'Claim details' }).locator('.claim-viewers')).toContainText(
    team.editor.name,
  );
  // Closed: gone from the others' screens.
  await ann.getByRole('button', { name: /Back to all claims/ }).click();
  await expect(bob.getByRole('complementary', { name: 'Claim details' }).locator('.claim-viewers')).toHaveCount(0);
});

test("a disabled user's live connection is closed", async ({ browser }) => {
  const user = await createUser(team.admin, ['EDITOR']);
  const article = (await (
    await team.editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Delta paragraph for the disabled editor.' },
    })
  ).json()) as { id: string };
  const page = await newPage(browser);
  const closed: string[] = [];
  page.on('websocket', (ws) => {
    if (ws.url().endsWith('/collab')) ws.on('close', () => closed.push(ws.url()));
  });
  await openLive(page, user, article.id);
  expect(closed).toEqual([]);
  expect((await team.admin.patch(`/api/v1/users/${user.id}`, { data: { disabled: true } })).status()).toBe(200);
  await expect.poll(() => closed.length, { timeout: 10_000 }).toBeGreaterThan(0);
  // Nothing to reconnect to: the editor stops trying and says why, instead of promising to reconnect.
  await expect(page.getByRole('status').filter({ hasText: 'Not live: Your session ended' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0);
});
