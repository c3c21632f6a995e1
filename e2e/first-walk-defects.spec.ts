import { expect, test, type Page } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import { editorRunning, editorText, expectSaved, selectText } from './support/editor';
import {
  addSource,
  createTextArticle,
  getClaimDetail,
  markClaim,
  saveClaim,
  settlePublishingSettings,
  submitClaim,
} from './support/newsroom-api';
import { demoSlug } from './support/page-types';
import { reviewNow } from './support/review';

// Defects from issue #15's first walk through the staff screens, one test each.

let room: Newsroom;

test.beforeAll(async () => {
  // Signing in three users hashes three passwords: slow on a loaded machine.
  test.setTimeout(180_000);
  room = await newsroom();
});

async function editorPage(page: Page, path: string): Promise<void> {
  await signInByHttp(page, room.editor.email, room.editor.password, path);
}

/** An article with one claim whose verdict is complete (rating, short verdict, one source): ready to submit. */
async function readyClaim(words: string): Promise<{ articleId: string; claimId: string }> {
  const { id: articleId } = await createTextArticle(
    room.editorApi,
    `Officials said that ${words} this year.`,
    `Ready ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, articleId, words);
  const ratings = (await (await room.editorApi.get('/api/v1/ratings')).json()) as {
    items: { id: string; label: string }[];
  };
  await saveClaim(room.editorApi, claimId, {
    rating: ratings.items.find((r) => r.label === 'False')?.id,
    shortVerdict: 'No: the data say otherwise.',
  });
  await addSource(room.editorApi, claimId, {
    url: 'https://stats.example.org/t1',
    title: 'Table 1',
    publisher: 'Stats office',
    publishedAt: '2025-05-01',
    kind: 'official-data',
  });
  return { articleId, claimId };
}

test('a title over 300 characters is marked at the title field and the text is still saved', async ({ browser }) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The first paragraph of the article.',
    `Long title ${uniqueSuffix()}`,
  );
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('T'.repeat(320));
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#article-title-error')).toContainText('300 characters');
  // Live, the text can be typed in once the shared document is synced (until then it shows read-only).
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await page.locator('.editor-content p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Added after the long title.');
  await expectSaved(page);
  await page.reload();
  await expect(page.locator('.editor-content')).toContainText('Added after the long title.');
  await page.context().close();
});

test('an unbroken very long title wraps on every staff page that shows it instead of widening it', async ({
  browser,
}) => {
  const suffix = uniqueSuffix();
  const title = `Wide ${suffix} W${'W'.repeat(280)}`;
  const { id } = await createTextArticle(room.editorApi, 'Text of the article.', title);
  const widening = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const page = await newPage(browser);
  await editorPage(page, '/dashboard');
  await expect(page.getByRole('heading', { name: 'All articles' })).toBeVisible();
  expect(await widening(page)).toBeLessThanOrEqual(0);
  for (const path of [`/articles/${id}/publish`, `/articles/${id}/history`, `/search?q=${suffix}`]) {
    await page.goto(path);
    await expect(page.getByText(title).first()).toBeVisible();
    expect(await widening(page), path).toBeLessThanOrEqual(0);
  }
  await page.context().close();
  // A reviewer reads the article on its read-only page, titled in full.
  const reviewer = await newPage(browser);
  await signInByHttp(reviewer, room.reviewer.email, room.reviewer.password, `/articles/${id}`);
  await expect(reviewer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await widening(reviewer)).toBeLessThanOrEqual(0);
  await reviewer.context().close();
});

test('the dashboard says "1 claim" for an article with one claim', async ({ browser }) => {
  const titleText = `One claim ${uniqueSuffix()}`;
  const { id } = await createTextArticle(room.editorApi, 'Unemployment fell to 4 percent last year.', titleText);
  await markClaim(room.editorApi, id, 'Unemployment fell to 4 percent');
  const page = await newPage(browser);
  await editorPage(page, '/dashboard');
  const item = page.locator('.article-list li', { has: page.getByRole('link', { name: titleText }) }).last();
  await expect(item.locator('.meta')).toHaveText('1 claim');
  await page.context().close();
});

test('a whitespace-only paste states its one problem once, at the field', async ({ browser }) => {
  const page = await newPage(browser);
  await editorPage(page, '/articles/new');
  await page.getByLabel('Article text').fill('  \n  ');
  await page.getByRole('button', { name: 'Create article' }).click();
  await expect(page.locator('#paste-body-error')).toHaveText('The article is empty.');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Create article' }) });
  await expect(form.locator('.form-error')).toHaveText('Please correct the marked fields.');
  await page.context().close();
});

test('the open claim is in the address: Back closes it and a link opens it', async ({ browser }) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The mayor said crime fell by half in 2025.',
    `Claim address ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, id, 'crime fell by half');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  await editorRunning(page);
  await page.getByRole('button', { name: /^Verdict and sources/ }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]claim=${claimId}`));
  await expect(page.locator('.claim-panel .claim-quote')).toHaveText('“crime fell by half”');
  await page.goBack();
  await expect(page).not.toHaveURL(/claim=/);
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();
  await page.goto(`/articles/${id}?claim=${claimId}`);
  await expect(page.locator('.claim-panel .claim-quote')).toHaveText('“crime fell by half”');
  await page.context().close();
});

test('a half-filled verdict is saved by "Back to all claims" and by the browser\'s Back, not discarded', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'Officials said exports rose 12 percent.',
    `Half verdict ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, id, 'exports rose 12 percent');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  await editorRunning(page);
  await page.getByRole('button', { name: /^Verdict and sources/ }).click();
  await page.getByLabel('Rating', { exact: true }).selectOption({ label: 'False' });
  await page.getByLabel('Short verdict', { exact: true }).fill('Exports rose 3 percent.');
  await page.getByRole('button', { name: 'Back to all claims' }).click();
  await expect(page.locator(`li[data-claim-id="${claimId}"]`)).toContainText('Verdict drafted');
  const saved = await getClaimDetail(room.editorApi, claimId);
  expect(saved.rating?.label).toBe('False');
  expect(saved.shortVerdict).toBe('Exports rose 3 percent.');

  await page.getByRole('button', { name: /^Verdict and sources/ }).click();
  await page.getByLabel('Short verdict', { exact: true }).fill('Exports rose 3 percent, not 12.');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();
  await expect
    .poll(async () => (await getClaimDetail(room.editorApi, claimId)).shortVerdict, { timeout: 15_000 })
    .toBe('Exports rose 3 percent, not 12.');
  await page.context().close();
});

test('a refused submit moves focus to the first field it names', async ({ browser }) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'Officials said wages doubled last year.',
    `Refused submit ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, id, 'wages doubled');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}?claim=${claimId}`);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.locator('#claim-rating-error')).toHaveText('Choose a rating.');
  await expect(page.getByLabel('Rating', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Rating', { exact: true })).toBeInViewport();
  await page.context().close();
});

test('"Submit for review" is not offered for a claim already in review', async ({ browser }) => {
  const { articleId, claimId } = await readyClaim('rents fell by a third');
  await submitClaim(room.editorApi, claimId);
  const page = await newPage(browser);
  await editorPage(page, `/articles/${articleId}?claim=${claimId}`);
  await expect(page.getByTestId('claim-review-state')).toHaveText(/In review: waiting for a reviewer/);
  await expect(page.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
  await page.context().close();
});

test("opening a notification marks it read and opens its claim; the panel links the reviewer's comments", async ({
  browser,
}) => {
  const { articleId, claimId } = await readyClaim('bus fares tripled');
  await submitClaim(room.editorApi, claimId);
  expect(
    (
      await reviewNow(room.reviewerApi, claimId, { decision: 'request_changes', comment: 'Which year is this?' })
    ).status(),
  ).toBe(201);
  type Listed = { items: { id: string; claimId: string | null; kind: string; read: boolean }[] };
  const before = (await (await room.editorApi.get('/api/v1/notifications')).json()) as Listed;
  const notification = before.items.find((n) => n.claimId === claimId && n.kind === 'changes_requested');
  expect(notification?.read).toBe(false);

  const page = await newPage(browser);
  await editorPage(page, '/inbox');
  await page.getByRole('button', { name: /asked for changes to your claim: “bus fares tripled”/ }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${claimId}$`));
  await expect(page.locator('.claim-panel .claim-quote')).toHaveText('“bus fares tripled”');
  const after = (await (await room.editorApi.get('/api/v1/notifications')).json()) as Listed;
  expect(after.items.find((n) => n.id === notification?.id)?.read).toBe(true);

  await expect(
    page.locator('.claim-panel').getByRole('link', { name: 'Review comments and discussion' }),
  ).toHaveAttribute('href', `/review/${claimId}#comments-heading`);
  // The reviewer's words and the discussion are in the panel itself, and a comment posted there joins it.
  const discussion = page.locator('.claim-panel').getByRole('region', { name: 'Review and discussion' });
  await expect(discussion.locator('.review-comment')).toContainText('Which year is this?');
  await discussion.getByLabel('Add a comment').fill('It is 2025: fixed the claim date.');
  await discussion.getByRole('button', { name: 'Post comment' }).click();
  await expect(discussion.getByRole('list', { name: 'Comments, oldest first' })).toContainText('It is 2025');
  await expect
    .poll(async () => {
      const listed = (await (await room.editorApi.get(`/api/v1/claims/${claimId}/comments`)).json()) as {
        items: { body: string }[];
      };
      return listed.items.map((c) => c.body);
    })
    .toContain('It is 2025: fixed the claim date.');
  await page.context().close();
});

test('"Mark claim" is refused on words that already are a claim, and Ctrl+Shift+C with nothing selected says why', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The minister said inflation halved in a year.',
    `Duplicate ${uniqueSuffix()}`,
  );
  await markClaim(room.editorApi, id, 'inflation halved');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${id}`);
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await page.locator('.editor-content p').first().click();
  await page.keyboard.press('Control+Shift+C');
  await expect(page.locator('#mark-claim-hint')).toContainText('Select the words of the claim first');

  await selectText(page, 'inflation halved');
  await expect(page.locator('.bubble-menu .mark-claim')).toBeHidden();
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Mark claim' }).click();
  await expect(page.locator('#mark-claim-hint')).toContainText('already marked as a claim');
  await expectSaved(page);
  await expect(page.getByRole('heading', { name: 'Claims (1)' })).toBeVisible();

  await selectText(page, 'The minister said');
  await expect(page.locator('.bubble-menu .mark-claim')).toBeVisible();
  await page.keyboard.press('Control+Shift+C');
  await expect(page.getByRole('heading', { name: 'Claims (2)' })).toBeVisible();
  await expect(page.locator('#mark-claim-hint')).toHaveCount(0);
  await page.context().close();
});

test('a source is edited in place, and kinds are shown in words', async ({ browser }) => {
  const { articleId, claimId } = await readyClaim('parking fines rose fivefold');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${articleId}?claim=${claimId}`);
  const sources = page.getByRole('list', { name: 'Sources of this claim' });
  await expect(sources).toContainText('(Official data, Stats office)');
  await page.getByRole('button', { name: 'Edit source: Table 1' }).click();
  const form = page.getByRole('group', { name: 'Edit source: Table 1' });
  await form.getByLabel('Title', { exact: true }).fill('Table 1, revised');
  await form.getByLabel('Kind').selectOption({ label: 'Expert' });
  await form.getByRole('button', { name: 'Save source' }).click();
  await expect(sources).toContainText('Table 1, revised');
  await expect(sources).toContainText('(Expert, Stats office)');
  const saved = await getClaimDetail(room.editorApi, claimId);
  expect(saved.sources.map((s) => [s.title, s.kind, s.url])).toEqual([
    ['Table 1, revised', 'expert', 'https://stats.example.org/t1'],
  ]);
  await page.context().close();
});

test('the history shows each change in words, not raw JSON', async ({ browser }) => {
  const { articleId, claimId } = await readyClaim('tuition fees fell');
  const page = await newPage(browser);
  await editorPage(page, `/articles/${articleId}/history?claim=${claimId}`);
  const timeline = page.getByRole('list', { name: 'Events, oldest first' });
  const saved = timeline.getByRole('listitem').filter({ hasText: 'Verdict saved' });
  await expect(saved.first()).toContainText(`by ${room.editor.name}`);
  await expect(saved.getByRole('listitem').filter({ hasText: /^Rating set to False$/ })).toHaveCount(1);
  await expect(
    saved.getByRole('listitem').filter({ hasText: /^Short verdict set to No: the data say otherwise\.$/ }),
  ).toHaveCount(1);
  // A source is named, not only counted.
  const added = timeline.getByRole('listitem').filter({ hasText: 'Source added' });
  await expect(added.getByRole('listitem').filter({ hasText: /^Source: Table 1$/ })).toHaveCount(1);
  expect(await timeline.innerText()).not.toMatch(/[{}]|"\w+":/);
  await page.context().close();
});

test('the Publish screen warns that publishing withdraws a live verdict whose claim went back to draft', async ({
  browser,
}) => {
  const { articleId, claimId } = await readyClaim('ferry tickets cost more');
  await submitClaim(room.editorApi, claimId);
  expect((await reviewNow(room.reviewerApi, claimId, { decision: 'approve' })).status()).toBe(201);
  await settlePublishingSettings(room.admin);
  const published = await room.editorApi.post(`/api/v1/articles/${articleId}/publications`, { data: {} });
  expect(published.status(), await published.text()).toBe(201);
  await saveClaim(room.editorApi, claimId, { shortVerdict: 'No: tickets cost the same as last year.' });

  const page = await newPage(browser);
  await editorPage(page, `/articles/${articleId}/publish`);
  const kept = page.getByRole('region', { name: /Stays in the newsroom/ });
  await expect(kept).toContainText('Changed since it was published');
  await expect(kept).not.toContainText('No verdict submitted for review yet');
  const warning = page.getByRole('region', { name: /Publishing now withdraws a verdict readers can see/ });
  await expect(warning).toContainText('“ferry tickets cost more” — False');
  await page.context().close();
});

test('text typed in another tab of the same article appears in the first tab, which stays current instead of conflicting', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The council approved the budget on Monday.',
    `Two tabs ${uniqueSuffix()}`,
  );
  const first = await newPage(browser);
  await editorPage(first, `/articles/${id}`);
  await expect(first.locator('.editor-content')).toBeVisible();
  const second = await first.context().newPage();
  await second.goto(`/articles/${id}`);
  await expect(second.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await second.locator('.editor-content p').first().click();
  await second.keyboard.press('End');
  await second.keyboard.type(' It passed narrowly.');
  await expectSaved(second);
  await expect.poll(() => editorText(first)).toBe('The council approved the budget on Monday. It passed narrowly.');
  // The first tab still says "All changes saved", truthfully: the text it shows is the saved one.
  await expect(first.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  await expect(first.locator('.conflict')).toHaveCount(0);
  // A title typed in the first tab is saved on the version the other tab's text made, without a conflict.
  await first.getByRole('textbox', { name: 'Title' }).fill(`Budget passed ${uniqueSuffix()}`);
  await expectSaved(first);
  await expect(first.locator('.conflict')).toHaveCount(0);
  const saved = (await (await room.editorApi.get(`/api/v1/articles/${id}`)).json()) as {
    title: string;
    plainText: string;
  };
  expect(saved.title).toMatch(/^Budget passed /);
  expect(saved.plainText).toBe('The council approved the budget on Monday. It passed narrowly.');
  await first.context().close();
});

test('after "Full explanation and sources" the reader popover no longer covers the verdict it links to', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto(`/a/${demoSlug}`);
  const label = page.locator('.verdict-label').first();
  const popoverId = (await label.getAttribute('popovertarget')) ?? '';
  await label.click();
  const popover = page.locator(`#${popoverId}`);
  await expect(popover).toBeVisible();
  await popover.getByRole('link', { name: 'Full explanation and sources' }).click();
  const claimId = popoverId.replace(/^pop-/, '');
  await expect(page).toHaveURL(new RegExp(`#claim-${claimId}$`));
  await expect(page.locator(`#claim-${claimId}`)).toBeInViewport();
  const covers = await page.evaluate((id) => {
    const pop = document.getElementById(`pop-${id}`);
    const target = document.getElementById(`claim-${id}`);
    if (!pop || !target || !pop.matches(':popover-open') || getComputedStyle(pop).visibility === 'hidden') return false;
    const p = pop.getBoundingClientRect();
    const t = target.getBoundingClientRect();
    const isOnScreen = p.bottom > 0 && p.top < window.innerHeight && p.width > 0;
    return isOnScreen && p.left < t.right && p.right > t.left && p.top < t.bottom && p.bottom > t.top;
  }, claimId);
  expect(covers).toBe(false);
  await page.context().close();
});

test('without anchor positioning (a browser that lacks it) the reader popover still fits the screen and leaves the verdict it links to readable', async ({
  browser,
}) => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ]) {
    const page = await newPage(browser, { viewport });
    await page.goto(`/a/${demoSlug}`);
    // Chromium cannot switch anchor positioning off, so the page loses the rules a browser without it skips:
    // reader.css's @supports (position-area) block. What is left is exactly what that browser applies.
    const removed = await page.evaluate(() => {
      let n = 0;
      for (const sheet of Array.from(document.styleSheets)) {
        if (!sheet.href?.endsWith('/reader.css')) continue;
        for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
          const rule = sheet.cssRules[i];
          if (rule instanceof CSSSupportsRule && rule.conditionText.includes('position-area')) {
            sheet.deleteRule(i);
            n++;
          }
        }
      }
      return n;
    });
    expect(removed).toBe(1);
    const label = page.locator('.verdict-label').first();
    const popoverId = (await label.getAttribute('popovertarget')) ?? '';
    const claimId = popoverId.replace(/^pop-/, '');
    await label.click();
    const popover = page.locator(`#${popoverId}`);
    await expect(popover).toBeVisible();
    // Placed as that browser places it: by the popover's default (centred in the viewport), not by its label.
    expect(await popover.evaluate((el) => getComputedStyle(el).getPropertyValue('position-area'))).toBe('none');
    const box = await popover.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(viewport.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

    await popover.getByRole('link', { name: 'Full explanation and sources' }).click();
    await expect(page).toHaveURL(new RegExp(`#claim-${claimId}$`));
    // The verdict's heading and its rating line are in view and not under the popover.
    await expect(page.locator(`#claim-${claimId}-title`)).toBeInViewport();
    const covered = await page.evaluate((id) => {
      const pop = document.getElementById(`pop-${id}`);
      if (!pop?.matches(':popover-open')) return false;
      const p = pop.getBoundingClientRect();
      const parts = [document.getElementById(`claim-${id}-title`), document.querySelector(`#claim-${id} .rating`)];
      return parts.some((el) => {
        const t = el?.getBoundingClientRect();
        return !!t && p.left < t.right && p.right > t.left && p.top < t.bottom && p.bottom > t.top;
      });
    }, claimId);
    expect(covered).toBe(false);
    // Escape closes it, as anywhere.
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await page.context().close();
  }
});

test("a reviewer reads an article with each claim's state in words, the claim in the address marked, and the way to its review", async ({
  browser,
}) => {
  const { articleId, claimId } = await readyClaim('ferry fares fell by half');
  await submitClaim(room.editorApi, claimId);
  const draftId = await markClaim(room.editorApi, articleId, 'Officials said');
  const page = await newPage(browser);
  await signInByHttp(page, room.reviewer.email, room.reviewer.password, `/articles/${articleId}?claim=${claimId}`);
  await expect(page.getByRole('list', { name: 'Highlight key' })).toContainText('In review');
  const claims = page.getByRole('list', { name: 'Claims in this article' });
  const inReview = claims.getByRole('listitem').filter({ hasText: 'ferry fares fell by half' });
  await expect(inReview).toHaveAttribute('aria-current', 'true');
  await expect(inReview).toContainText('In review');
  await expect(inReview).toContainText('False');
  await expect(inReview).toContainText('No: the data say otherwise.');
  await expect(page.locator(`article mark[data-claim-id="${claimId}"]`)).toHaveAttribute('data-current', '');
  await expect(page.locator(`article mark[data-claim-id="${draftId}"]`)).not.toHaveAttribute('data-current');
  const drafted = claims.getByRole('listitem').filter({ hasText: 'Officials said' });
  await expect(drafted).not.toHaveAttribute('aria-current');
  await expect(drafted).toContainText('No verdict');
  await expect(drafted.getByRole('link', { name: 'Its review and discussion' })).toHaveAttribute(
    'href',
    `/review/${draftId}`,
  );
  await inReview.getByRole('link', { name: 'Review this claim' }).click();
  await expect(page.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/review/${claimId}$`));
  await page.context().close();
});
