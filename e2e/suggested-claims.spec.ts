import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiAs, appBaseURL, newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { expectSaved } from './support/editor';
import { createTextArticle, markClaim } from './support/newsroom-api';

interface Suggestion {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  score: number;
  reasons: string[];
}
interface ArticleBody {
  plainText: string;
  claims: { id: string; quote: { exact: string }; position: { start: number; end: number } }[];
}

let room: Newsroom;
const place = `Zed${uniqueSuffix()
  .replace(/[^a-f]/g, '')
  .padEnd(3, 'q')}ville`;
const text = [
  `Unemployment in ${place} rose by 28 percent last year, the highest rise since 2010, the mayor said.`,
  'The weather was mild and the market square was busy on Saturday morning.',
  'Crime fell by a third because the council hired 200 more police officers, according to Chief Constable Maria Lopez.',
  'Residents gathered near the fountain to listen to the band.',
  'The new bridge will cost $45 million and open in 2027, the transport ministry said.',
  'Many people enjoyed the music.',
  'Bus fares have risen faster than inflation for five years in a row, the passenger watchdog said.',
].join('\n');
const bridge = 'The new bridge will cost $45 million and open in 2027';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

test('suggestions are the check-worthy sentences, best first, with reasons, never overlapping a claim, in claims’ coordinates', async () => {
  const article = await createTextArticle(room.editorApi, text, `Suggestions in ${place}`);
  await markClaim(room.editorApi, article.id, bridge);
  const response = await room.reviewerApi.get(`/api/v1/articles/${article.id}/suggestions`);
  expect(response.status(), await response.text()).toBe(200);
  const { items } = (await response.json()) as { items: Suggestion[] };
  const stored = (await (await room.editorApi.get(`/api/v1/articles/${article.id}`)).json()) as ArticleBody;

  expect(items.map((s) => s.quote.exact).join(' | ')).toContain(`Unemployment in ${place} rose by 28 percent`);
  expect(items.map((s) => s.quote.exact).join(' | ')).toContain('Crime fell by a third');
  expect(items.map((s) => s.quote.exact).join(' | ')).not.toMatch(/weather|fountain|music/);
  expect(items.map((s) => s.score)).toEqual([...items.map((s) => s.score)].sort((a, b) => b - a));
  for (const s of items) {
    expect(stored.plainText.slice(s.position.start, s.position.end)).toBe(s.quote.exact);
    expect(s.reasons.length).toBeGreaterThan(0);
    for (const claim of stored.claims)
      expect(overlaps(s.position, claim.position), `${s.quote.exact} overlaps ${claim.quote.exact}`).toBe(false);
  }
  expect(items.find((s) => s.quote.exact.startsWith('Unemployment'))?.reasons).toEqual(
    expect.arrayContaining(['a percentage (28)', 'a superlative (highest)']),
  );

  // A suggestion's position is accepted as it is by the claims endpoint; it is then no longer suggested.
  const first = items[0];
  if (!first) throw new Error('no suggestion');
  const created = await room.editorApi.post(`/api/v1/articles/${article.id}/claims`, {
    data: { position: first.position },
  });
  expect(created.status(), await created.text()).toBe(201);
  const after = (await (await room.editorApi.get(`/api/v1/articles/${article.id}/suggestions`)).json()) as {
    items: Suggestion[];
  };
  expect(after.items.some((s) => overlaps(s.position, first.position))).toBe(false);
  expect(after.items.length).toBe(items.length - 1);

  const anonymous = await apiAs(appBaseURL(), null);
  expect((await anonymous.get(`/api/v1/articles/${article.id}/suggestions`)).status()).toBe(401);
  expect((await room.editorApi.get(`/api/v1/articles/${crypto.randomUUID()}/suggestions`)).status()).toBe(404);
  expect((await room.editorApi.get(`/api/v1/articles/${article.id}/suggestions?limit=0`)).status()).toBe(400);
});

test('an editor asks for suggestions and accepts them with a click, with Enter on the button and with Alt+Enter in the text: each becomes a claim', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const article = await createTextArticle(room.editorApi, text, `Accepting in ${place}`);
  await markClaim(room.editorApi, article.id, bridge);
  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${article.id}`);
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Suggest claims' }).click();

  const suggested = page.getByRole('list', { name: 'Suggested claims in document order', exact: true });
  const unemployment = suggested.getByRole('listitem').filter({ hasText: `Unemployment in ${place}` });
  await expect(unemployment).toBeVisible({ timeout: 30_000 });
  await expect(unemployment).toContainText('a percentage (28)');
  await expect(suggested).not.toContainText('The new bridge');
  await expect(suggested).not.toContainText('weather');
  // The words are underlined in the text, the reasons in their tooltip.
  const underline = page.locator('.ProseMirror .claim-suggestion').filter({ hasText: `Unemployment in ${place}` });
  await expect(underline).toHaveAttribute('title', /a percentage \(28\)/);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .include('.editor-layout')
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ') ?? ''})`)).toEqual([]);

  await unemployment.getByRole('button', { name: /^Accept as claim/ }).click();
  // Exact: "Suggested claims in document order" holds these words too.
  const claims = page.getByRole('list', { name: 'Claims in document order', exact: true });
  await expect(claims.getByRole('listitem').filter({ hasText: `Unemployment in ${place}` })).toBeVisible();
  await expect(unemployment).toHaveCount(0);
  await expect(underline).toHaveCount(0);

  const crime = suggested.getByRole('listitem').filter({ hasText: 'Crime fell by a third' });
  await crime.getByRole('button', { name: /^Accept as claim/ }).focus();
  await page.keyboard.press('Enter');
  await expect(claims.getByRole('listitem').filter({ hasText: 'Crime fell by a third' })).toBeVisible();
  // The two accepted claims are saved before the caret goes into the text (their save redraws it).
  await expectSaved(page);

  // In the text: the caret in an underlined suggestion, Alt+Enter accepts it.
  const fares = page.locator('.ProseMirror .claim-suggestion').filter({ hasText: 'Bus fares have risen' });
  // Near the start of its first line: the middle of a sentence wrapped over two lines may fall between them.
  await fares.click({ position: { x: 12, y: 6 } });
  // The key acts on where the caret is: wait until it is in the underlined words.
  await expect
    .poll(() =>
      page.evaluate(() => Boolean(window.getSelection()?.anchorNode?.parentElement?.closest('.claim-suggestion'))),
    )
    .toBe(true);
  await page.keyboard.press('Alt+Enter');
  await expect(claims.getByRole('listitem').filter({ hasText: 'Bus fares have risen' })).toBeVisible();
  await expect(fares).toHaveCount(0);
  await expectSaved(page);

  const stored = (await (await room.editorApi.get(`/api/v1/articles/${article.id}`)).json()) as ArticleBody;
  const quotes = stored.claims.map((c) => c.quote.exact);
  expect(quotes).toEqual(
    expect.arrayContaining([
      bridge,
      expect.stringContaining(`Unemployment in ${place} rose by 28 percent`),
      expect.stringContaining('Crime fell by a third'),
      expect.stringContaining('Bus fares have risen'),
    ]),
  );
  expect(stored.claims).toHaveLength(4);

  // Asked again, the server suggests none of the words that are claims now.
  const again = (await (await room.editorApi.get(`/api/v1/articles/${article.id}/suggestions`)).json()) as {
    items: Suggestion[];
  };
  for (const s of again.items) for (const c of stored.claims) expect(overlaps(s.position, c.position)).toBe(false);
});
