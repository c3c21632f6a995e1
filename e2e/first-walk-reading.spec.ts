import { expect, test, type Page } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import {
  createTextArticle,
  markClaim,
  readyClaim,
  saveClaim,
  settlePublishingSettings,
  submitClaim,
} from './support/newsroom-api';
import { demoSlug } from './support/page-types';
import { reviewNow } from './support/review';

// Defects from issue #15's first walk through the staff screens, one test each: the lists, the history, publishing
// and reading. The editor and its claim panel are in first-walk-defects.spec.ts.

let room: Newsroom;

test.beforeAll(async () => {
  // Signing in three users hashes three passwords: slow on a loaded machine.
  test.setTimeout(180_000);
  room = await newsroom();
});

async function editorPage(page: Page, path: string): Promise<void> {
  await signInByHttp(page, room.editor.email, room.editor.password, path);
}

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

test('the history shows each change in words, not raw JSON', async ({ browser }) => {
  const { articleId, claimId } = await readyClaim(room, 'tuition fees fell');
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
  const { articleId, claimId } = await readyClaim(room, 'ferry tickets cost more');
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
  const { articleId, claimId } = await readyClaim(room, 'ferry fares fell by half');
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
