import { expect, test, type Locator } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { createTextArticle, markClaim, submitClaim, saveClaim, addSource } from './support/newsroom-api';

// The editor as a workspace (issue #15, part 2): claim cards in the margin beside their highlights, a compact
// list instead, highlights styled by state beyond colour, and the formatting tools on one row.

let room: Newsroom;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of background that nobody needs to check at all.`);

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return box.y;
}

test('claim cards sit level with their highlights without overlapping; the compact list stacks them', async ({
  browser,
}) => {
  const paragraphs = [
    'The mayor said bus fares tripled and rents doubled in one year.',
    ...filler(12),
    'Later the council claimed crime fell by half.',
  ];
  const { id } = await createTextArticle(room.editorApi, paragraphs.join('\n\n'), `Workspace ${uniqueSuffix()}`);
  const fares = await markClaim(room.editorApi, id, 'bus fares tripled');
  const rents = await markClaim(room.editorApi, id, 'rents doubled');
  const crime = await markClaim(room.editorApi, id, 'crime fell by half');
  // One claim in review: its highlight and card carry the state in a style and in words, not colour alone.
  const ratings = (await (await room.editorApi.get('/api/v1/ratings')).json()) as {
    items: { id: string; label: string }[];
  };
  await saveClaim(room.editorApi, crime, {
    rating: ratings.items.find((r) => r.label === 'False')?.id,
    shortVerdict: 'No: recorded crime rose.',
  });
  await addSource(room.editorApi, crime, {
    url: 'https://stats.example.org/crime',
    title: 'Crime table',
    publisher: 'Stats office',
    publishedAt: '2025-05-01',
    kind: 'official-data',
  });
  await submitClaim(room.editorApi, crime);

  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${id}`);
  await expect(page.getByRole('heading', { name: 'Claims (3)' })).toBeVisible();

  // The article uses the width it is given (no ~940 px column at any width): text and margin fill the window.
  const textBox = await page.getByRole('textbox', { name: 'Article text' }).boundingBox();
  const marginBox = await page.getByRole('list', { name: 'Claims in document order' }).boundingBox();
  expect(textBox?.width ?? 0, JSON.stringify(textBox)).toBeGreaterThan(900);
  expect((marginBox?.x ?? 0) + (marginBox?.width ?? 0), JSON.stringify(marginBox)).toBeGreaterThan(1440 - 120);

  // The tools are icon buttons named for screen readers, all on one row.
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeVisible();
  const tops = await toolbar
    .getByRole('button')
    .evaluateAll((buttons) =>
      buttons.map((b) => Math.round(b.getBoundingClientRect().top + b.getBoundingClientRect().height / 2)),
    );
  expect(tops.length).toBeGreaterThanOrEqual(10);
  expect(new Set(tops).size).toBe(1);
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-keyshortcuts', 'Control+B');

  const list = page.getByRole('list', { name: 'Claims in document order' });
  const card = (claimId: string) => list.locator(`.claim-item[data-claim-id="${claimId}"]`);
  const mark = (claimId: string) => page.locator(`.editor-content mark[data-claim-id="${claimId}"]`);

  // The first claim, in the first line of the text, has its card level with its words: the margin's heading (count,
  // key, Previous/Next) does not push it down. So does the last claim, far down the text.
  await expect.poll(async () => Math.abs((await top(card(fares))) - (await top(mark(fares))))).toBeLessThan(4);
  await expect.poll(async () => Math.abs((await top(card(crime))) - (await top(mark(crime))))).toBeLessThan(4);
  // Two claims on one line: the second card is pushed below the first instead of covering it.
  const faresBox = await card(fares).boundingBox();
  expect(faresBox).not.toBeNull();
  expect(await top(card(rents))).toBeGreaterThanOrEqual((faresBox?.y ?? 0) + (faresBox?.height ?? 0));

  // The state is in words on the card and in the underline's style, as the legend shows.
  await expect(card(crime)).toContainText('In review');
  await expect(page.getByRole('list', { name: 'Highlight key' }).getByRole('listitem')).toHaveCount(5);
  const underline = (claimId: string) => mark(claimId).evaluate((m) => getComputedStyle(m).borderBottomStyle);
  expect(await underline(crime)).toBe('double');
  expect(await underline(fares)).toBe('dotted');
  // Each state of the key is drawn differently (a border cannot be wavy: changes requested is a wavy underline).
  const drawn = await page
    .getByRole('list', { name: 'Highlight key' })
    .locator('mark')
    .evaluateAll((marks) =>
      marks.map((m) => {
        const style = getComputedStyle(m);
        return `${style.borderBottomStyle}/${style.borderBottomColor === 'rgba(0, 0, 0, 0)' ? 'none' : 'line'}/${style.textDecorationLine}/${style.textDecorationStyle}`;
      }),
    );
  expect(new Set(drawn).size).toBe(5);

  // The compact list: the cards follow one another, the last no longer level with its words far below.
  const compact = page.getByRole('button', { name: 'Compact list' });
  await compact.click();
  await expect(compact).toHaveAttribute('aria-pressed', 'true');
  await expect(card(crime)).toHaveCSS('position', 'static');
  expect(await top(mark(crime))).toBeGreaterThan((await top(card(crime))) + 100);
  await page.context().close();
});

test('the toolbar’s “Keyboard shortcuts” lists every key of the workspace in a popover that Escape closes', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The mayor said bus fares tripled in one year.',
    `Keys ${uniqueSuffix()}`,
  );
  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${id}`);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const button = toolbar.getByRole('button', { name: 'Keyboard shortcuts' });
  // One Tab stop (the WAI-ARIA toolbar): arrow keys move between the tools, Home and End go to the ends.
  const bold = toolbar.getByRole('button', { name: 'Bold' });
  await bold.focus();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  // An icon's tooltip names the tool and its key, on keyboard focus as on hover.
  await expect(page.getByRole('tooltip').filter({ hasText: 'Italic' })).toContainText('Ctrl+I');
  await toolbar.getByRole('button', { name: 'Bold' }).hover();
  await expect(page.getByRole('tooltip').filter({ hasText: 'Bold' })).toContainText('Ctrl+B');
  await page.keyboard.press('Home');
  await expect(bold).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(button).toBeFocused();
  expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(popover).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // The workspace's own keys, then the formatting tools' (the keys their tooltips show).
  const row = (action: string) => popover.locator('div').filter({ has: page.getByText(action, { exact: true }) });
  await expect(row('Mark the selected words as a claim')).toContainText('Ctrl+Shift+C');
  await expect(row('Next claim')).toContainText('Alt+↓');
  await expect(row('Accept the suggested claim at the caret')).toContainText('Alt+Enter');
  await expect(row('Bold')).toContainText('Ctrl+B');
  await expect(row('Quote')).toContainText('Ctrl+Shift+B');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(button).toBeFocused();
  await page.context().close();
});

test('an article with more claims than the margin holds opens with the compact list, and one press brings the margin back', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const count = 61;
  const sentences = Array.from({ length: count }, (_, i) => `Claim number ${i + 1} says prices rose again.`);
  const { id } = await createTextArticle(room.editorApi, sentences.join('\n\n'), `Many claims ${uniqueSuffix()}`);
  for (let i = 0; i < count; i++) await markClaim(room.editorApi, id, `Claim number ${i + 1} says`);
  const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${id}`);
  await expect(page.getByRole('heading', { name: `Claims (${count})` })).toBeVisible();
  const compact = page.getByRole('button', { name: 'Compact list' });
  await expect(compact).toHaveAttribute('aria-pressed', 'true');
  // Stacked: the second card follows the first, whatever the distance between their words.
  const cards = page.getByRole('list', { name: 'Claims in document order' }).getByRole('listitem');
  await expect(cards).toHaveCount(count);
  const [first, second] = [await top(cards.nth(0)), await top(cards.nth(1))];
  expect(second).toBeGreaterThan(first);
  expect(second - first).toBeLessThan(200);
  await compact.click();
  await expect(compact).toHaveAttribute('aria-pressed', 'false');
  await page.context().close();
});
