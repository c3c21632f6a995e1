import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createUser, newPage, newsroom, signInByHttp, uniqueSuffix, type TestUser } from './support/accounts';
import {
  activeRatings,
  addSource,
  createTextArticle,
  getClaimDetail,
  markClaim,
  saveClaim,
  submitClaim,
} from './support/newsroom-api';
import { reviewNow } from './support/review';

let editorApi: APIRequestContext;
let reviewerApi: APIRequestContext;
let reviewer: TestUser;

test.beforeAll(async () => {
  ({ editorApi, reviewerApi, reviewer } = await newsroom());
});

/** A claim in review in a two-paragraph article, with a complete verdict and two sources. */
async function claimInReview(words: string): Promise<{ articleId: string; claimId: string }> {
  const article = await createTextArticle(
    editorApi,
    `First paragraph about something else.\nThe minister said ${words} this year, officials added.\nA closing paragraph.`,
  );
  const claimId = await markClaim(editorApi, article.id, words);
  const rating = (await activeRatings(editorApi)).find((r) => r.label === 'False')?.id;
  await saveClaim(editorApi, claimId, {
    claimant: 'The minister',
    rating,
    shortVerdict: 'No: the data say otherwise.',
  });
  await addSource(editorApi, claimId, {
    url: 'https://stats.example.org/t1',
    title: 'Table 1',
    publisher: 'Stats office',
    publishedAt: '2025-05-01',
    kind: 'official-data',
    excerpt: 'Prices: +12%.',
  });
  await addSource(editorApi, claimId, { url: 'https://news.example.org/story', title: 'A news story', kind: 'news' });
  await submitClaim(editorApi, claimId);
  return { articleId: article.id, claimId };
}

async function openAsReviewer(page: Page, claimId: string): Promise<void> {
  await signInByHttp(page, reviewer.email, reviewer.password, `/review/${claimId}`);
  await expect(page.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
}

test('the claim in its paragraph beside the verdict, sources as readers will see them, changes word by word marked without colour', async ({
  browser,
}) => {
  const words = `bread prices doubled ${uniqueSuffix()}`;
  const { claimId } = await claimInReview(words);
  expect(
    (await reviewNow(reviewerApi, claimId, { decision: 'request_changes', comment: 'Name the year.' })).status(),
  ).toBe(201);
  await saveClaim(editorApi, claimId, { shortVerdict: 'No: prices rose 12% in 2025.' });
  await submitClaim(editorApi, claimId);

  const page = await newPage(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openAsReviewer(page, claimId);
  // The paragraph the claim stands in, not the whole article.
  const context = page.getByRole('region', { name: 'In the article' });
  await expect(context.locator('mark')).toHaveText(words);
  await expect(context).toContainText(`The minister said ${words} this year, officials added.`);
  await expect(context).not.toContainText('First paragraph');
  // Beside the verdict: the two columns sit side by side at desktop width.
  const verdict = page.getByRole('region', { name: 'What will be published' });
  const [left, right] = [await context.boundingBox(), await verdict.boundingBox()];
  expect(left && right && left.x + left.width <= right.x).toBe(true);
  // Sources exactly as the reader page renders them: title, publisher, date, excerpt.
  const sources = verdict.getByRole('list', { name: 'Sources as published' }).getByRole('listitem');
  await expect(sources).toHaveCount(2);
  await expect(sources.first()).toContainText('Table 1, Stats office, 1 May 2025');
  await expect(sources.first().locator('blockquote')).toHaveText('Prices: +12%.');
  await expect(sources.nth(1)).toHaveText(/^A news story \(accessed \d+ \w+ \d{4}\)$/);
  // Word by word, and not by colour alone: deletions struck through, insertions underlined, both with a sign.
  const change = page
    .getByRole('table', { name: 'Fields changed since the last review' })
    .getByRole('row', { name: /Short verdict/ });
  const deleted = change.getByRole('deletion');
  const inserted = change.getByRole('insertion');
  await expect(deleted).toHaveText(/the data say otherwise/);
  await expect(inserted).toHaveText(/prices rose 12% in 2025/);
  expect(await deleted.first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
  expect(await inserted.first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
  expect(await inserted.first().evaluate((el) => getComputedStyle(el, '::before').content)).toContain('+');
  await page.context().close();
});

test('keyboard: a approves and opens the next claim in the queue, j goes to the next claim', async ({ browser }) => {
  const first = await claimInReview(`fuel got cheaper ${uniqueSuffix()}`);
  const second = await claimInReview(`rents fell ${uniqueSuffix()}`);
  const page = await newPage(browser);
  await openAsReviewer(page, first.claimId);
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveAttribute('aria-keyshortcuts', 'a');
  await expect(page.getByRole('button', { name: 'Request changes' })).toHaveAttribute('aria-keyshortcuts', 'r');
  // The shortcuts are shown, and "next" is the claim after this one in the queue (oldest first).
  const shortcuts = page.getByRole('navigation', { name: 'Keyboard and queue' });
  await expect(shortcuts).toContainText('a approve');
  const next = shortcuts.getByRole('link', { name: 'Next claim in the queue' });
  await expect(next).toHaveAttribute('href', /^\/review\/[a-z0-9-]+$/);
  const nextHref = (await next.getAttribute('href')) ?? '';
  expect(nextHref).not.toBe(`/review/${first.claimId}`);

  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`${nextHref}$`));
  await page.goto(`/review/${first.claimId}`);
  await expect(page.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
  // The keys work once the page's script runs, which is when the button announces its key.
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveAttribute('aria-keyshortcuts', 'a');

  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: 'Claim approved.' })).toBeVisible();
  // On to the next claim waiting, not back to the list.
  await expect(page).toHaveURL(/\/review\/[a-z0-9-]+\?done=approved$/);
  expect(page.url()).not.toContain(first.claimId);
  expect((await getClaimDetail(editorApi, first.claimId)).status).toBe('APPROVED');
  expect((await getClaimDetail(editorApi, second.claimId)).status).toBe('IN_REVIEW');
  await page.context().close();
});

test('single-key shortcuts can be switched off (a stray key or speech input approves nothing), and stay off', async ({
  browser,
}) => {
  const { claimId } = await claimInReview(`tram fares fell ${uniqueSuffix()}`);
  const page = await newPage(browser);
  await openAsReviewer(page, claimId);
  const shortcuts = page.getByRole('navigation', { name: 'Keyboard and queue' });
  const toggle = shortcuts.getByRole('checkbox', { name: 'Single-key shortcuts' });
  await expect(toggle).toBeChecked();
  const approve = page.getByRole('button', { name: 'Approve' });
  await expect(approve).toHaveAttribute('aria-keyshortcuts', 'a');
  await toggle.uncheck();
  await expect(shortcuts).not.toContainText('a approve');
  // Nothing announces or shows a key that does nothing.
  await expect(approve).not.toHaveAttribute('aria-keyshortcuts');
  await expect(page.getByRole('button', { name: 'Request changes' })).not.toHaveAttribute('aria-keyshortcuts');
  await expect(approve.locator('kbd')).toHaveCount(0);
  await page.locator('h1').click();
  await page.keyboard.press('a');
  await page.keyboard.press('r');
  await expect(page.getByLabel('Comment (required to request changes)')).not.toBeFocused();
  expect((await getClaimDetail(editorApi, claimId)).status).toBe('IN_REVIEW');
  // The choice stays in this browser; the buttons still work.
  await page.reload();
  await expect(toggle).not.toBeChecked();
  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: 'Claim approved.' })).toHaveCount(0);
  expect((await getClaimDetail(editorApi, claimId)).status).toBe('IN_REVIEW');
  await toggle.check();
  await expect(shortcuts).toContainText('a approve');
  await page.context().close();
});

test('keyboard: r moves to the comment, letters typed there are words, Ctrl+Enter sends the claim back', async ({
  browser,
}) => {
  const { claimId } = await claimInReview(`bus fares rose ${uniqueSuffix()}`);
  const page = await newPage(browser);
  await openAsReviewer(page, claimId);
  await expect(page.getByRole('button', { name: 'Request changes' })).toHaveAttribute('aria-keyshortcuts', 'r');
  await page.keyboard.press('r');
  const comment = page.getByLabel('Comment (required to request changes)');
  await expect(comment).toBeFocused();
  await expect(page.getByText('press Ctrl+Enter to send the claim back')).toBeVisible();
  // a, r, j and n typed in the comment are text, not shortcuts.
  await page.keyboard.type('a rate is needed, and jn');
  await expect(comment).toHaveValue('a rate is needed, and jn');
  expect(page.url()).toContain(`/review/${claimId}`);
  expect((await getClaimDetail(editorApi, claimId)).status).toBe('IN_REVIEW');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Claim sent back with your comment.' })).toBeVisible();
  const claim = await getClaimDetail(editorApi, claimId);
  expect(claim.status).toBe('CHANGES_REQUESTED');
  await page.context().close();
});

test('the shortcuts decide nothing for a reviewer who may not: their own claim', async ({ browser }) => {
  const admin = (await newsroom()).admin;
  const both: TestUser = await createUser(admin, ['EDITOR', 'REVIEWER']);
  const page = await newPage(browser);
  await signInByHttp(page, both.email, both.password, '/dashboard');
  const created = await page.request.post('/api/v1/articles', {
    data: { format: 'text', body: 'The mayor said taxes fell.' },
    headers: { Origin: new URL(page.url()).origin },
  });
  const { id } = (await created.json()) as { id: string };
  const claim = await page.request.post(`/api/v1/articles/${id}/claims`, {
    data: { quote: { exact: 'taxes fell' } },
    headers: { Origin: new URL(page.url()).origin },
  });
  const { id: claimId, version } = (await claim.json()) as { id: string; version: number };
  const rating = (await activeRatings(editorApi))[0]?.id;
  const origin = { Origin: new URL(page.url()).origin };
  expect(
    (
      await page.request.patch(`/api/v1/claims/${claimId}`, {
        data: { baseVersion: version, rating, shortVerdict: 'They rose.' },
        headers: origin,
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await page.request.post(`/api/v1/claims/${claimId}/sources`, {
        data: { url: 'https://tax.example.org', title: 'Tax table', kind: 'official-data' },
        headers: origin,
      })
    ).status(),
  ).toBe(201);
  expect((await page.request.post(`/api/v1/claims/${claimId}/submit`, { headers: origin })).status()).toBe(200);
  await page.goto(`/review/${claimId}`);
  await expect(page.getByText('another reviewer must review it')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Keyboard and queue' })).not.toContainText('a approve');
  await page.keyboard.press('a');
  await page.keyboard.press('r');
  // Still here, still in review.
  await expect(page.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
  expect(page.url()).toContain(`/review/${claimId}`);
  expect((await getClaimDetail(editorApi, claimId)).status).toBe('IN_REVIEW');
  await page.context().close();
});
