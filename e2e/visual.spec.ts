import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { apiAs, demoAdminApi, newPage, signInByHttp, tokenFor, uniqueSuffix, type TestUser } from './support/accounts';
import {
  activeRatings,
  addSource,
  bodyOf,
  createTextArticle,
  markClaim,
  saveClaim,
  settlePublishingSettings,
  submitClaim,
} from './support/newsroom-api';
import { reviewNow } from './support/review';

/**
 * Key pages compared with their committed baselines (visual.spec.ts-snapshots/), light and dark, so an accidental
 * change of the design fails `npm test`. Fixtures have fixed words and names; what other specs running alongside
 * change (counts in the navigation, the organisation's name, the queue) and dates are masked.
 * After an intended change: `npx playwright test e2e/visual.spec.ts --update-snapshots`, look at the new PNGs, commit.
 */
test.describe.configure({ mode: 'serial' });

const schemes = ['light', 'dark'] as const;
const shot = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.01, timeout: 30_000 } as const;

let editor: TestUser;
let reviewer: TestUser;
let deskEditor: TestUser;
let slug = '';
let inReviewId = '';
let workspaceId = '';
let changesRequestedId = '';

async function fixedUser(admin: APIRequestContext, name: string, roles: string[]): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const body = { email: `visual-${suffix}@e2e.example.org`, name, roles, password: `pw-${suffix}-long-enough` };
  const created = await bodyOf<{ id: string }>(await admin.post('/api/v1/users', { data: body }));
  return { id: created.id, email: body.email, name, password: body.password, roles: roles as TestUser['roles'] };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  await settlePublishingSettings(admin);
  editor = await fixedUser(admin, 'Vera Visual', ['EDITOR']);
  reviewer = await fixedUser(admin, 'Rex Review', ['REVIEWER']);
  const editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  const reviewerApi = await apiAs(baseURL, (await tokenFor(reviewer.email, reviewer.password)).token);
  const ratings = await activeRatings(editorApi);
  const rating = (label: string) => ratings.find((r) => r.label === label)?.id;

  const body =
    'The mayor said the new harbour created 5,000 jobs in its first year. Port records count 1,200 jobs.\nShe added that ferry fares fell by half since spring, which the operator disputes.';
  const article = await createTextArticle(editorApi, body, 'Visual check: the harbour and the ferries');
  slug = article.slug;
  const published = await markClaim(editorApi, article.id, 'the new harbour created 5,000 jobs in its first year');
  await saveClaim(editorApi, published, {
    claimant: 'The mayor',
    claimantRole: 'Mayor of Portville',
    claimDate: '2026-03-02',
    rating: rating('False'),
    shortVerdict: 'Port records show 1,200 jobs, not 5,000.',
  });
  await addSource(editorApi, published, {
    url: 'https://port.example.org/jobs-2026',
    title: 'Port employment records',
    publisher: 'Port authority',
    publishedAt: '2026-02-01',
    kind: 'official-data',
    excerpt: 'Direct jobs: 1,200.',
  });
  await addSource(editorApi, published, {
    url: 'https://news.example.org/harbour',
    title: 'Harbour opening report',
    publisher: 'Portville Post',
    publishedAt: '2026-01-15',
    kind: 'news',
  });
  await submitClaim(editorApi, published);
  expect((await reviewNow(reviewerApi, published, { decision: 'approve' })).status()).toBe(201);

  inReviewId = await markClaim(editorApi, article.id, 'ferry fares fell by half since spring');
  await saveClaim(editorApi, inReviewId, {
    claimant: 'The mayor',
    rating: rating('Mostly false'),
    shortVerdict: 'Fares fell by a tenth.',
  });
  await addSource(editorApi, inReviewId, {
    url: 'https://ferry.example.org/fares',
    title: 'Fare tables 2026',
    publisher: 'Ferry operator',
    publishedAt: '2026-04-01',
    kind: 'official-data',
  });
  await submitClaim(editorApi, inReviewId);
  expect(
    (
      await reviewNow(reviewerApi, inReviewId, {
        decision: 'request_changes',
        comment: 'Give the fares before and after.',
      })
    ).status(),
  ).toBe(201);
  await saveClaim(editorApi, inReviewId, { shortVerdict: 'Fares fell from 4.00 to 3.60, a tenth, not half.' });
  await submitClaim(editorApi, inReviewId);
  expect((await editorApi.post(`/api/v1/articles/${article.id}/publications`, { data: {} })).status()).toBe(201);

  // The editor's workspace: another editor's article (the dashboard above lists Vera's own), a claim in each state.
  deskEditor = await fixedUser(admin, 'Dana Desk', ['EDITOR']);
  const deskApi = await apiAs(baseURL, (await tokenFor(deskEditor.email, deskEditor.password)).token);
  const workspace = await createTextArticle(
    deskApi,
    'The minister said the rail line cut journey times by forty minutes. Timetables show twelve minutes.\n' +
      'He added that fares fell for every commuter, and that ridership doubled in a year.\n' +
      'The opposition claims the line cost three times its budget. The audit office puts the overrun at 60 percent.\n' +
      'Station staff say the new trains are the quietest in the country.',
    'Visual check: the rail line',
  );
  workspaceId = workspace.id;
  const source = {
    url: 'https://rail.example.org/timetables',
    title: 'Timetables 2026',
    kind: 'official-data',
  } as const;
  const approved = await markClaim(deskApi, workspaceId, 'the rail line cut journey times by forty minutes');
  await saveClaim(deskApi, approved, {
    claimant: 'The minister',
    rating: rating('False'),
    shortVerdict: 'Timetables show twelve minutes.',
  });
  await addSource(deskApi, approved, source);
  await submitClaim(deskApi, approved);
  expect((await reviewNow(reviewerApi, approved, { decision: 'approve' })).status()).toBe(201);

  const inReview = await markClaim(deskApi, workspaceId, 'ridership doubled in a year');
  await saveClaim(deskApi, inReview, {
    claimant: 'The minister',
    rating: rating('Mostly false'),
    shortVerdict: 'It rose by a third.',
  });
  await addSource(deskApi, inReview, { ...source, url: 'https://rail.example.org/ridership', title: 'Ridership 2026' });
  await submitClaim(deskApi, inReview);

  changesRequestedId = await markClaim(deskApi, workspaceId, 'the line cost three times its budget');
  await saveClaim(deskApi, changesRequestedId, {
    claimant: 'The opposition',
    claimantRole: 'Opposition transport spokesperson',
    claimDate: '2026-05-04',
    rating: rating('Mostly false'),
    shortVerdict: 'The audit office puts the overrun at 60 percent.',
  });
  await addSource(deskApi, changesRequestedId, {
    url: 'https://audit.example.org/rail-2026',
    title: 'Audit of the rail line',
    publisher: 'National audit office',
    publishedAt: '2026-04-20',
    kind: 'official-data',
    excerpt: 'Overrun: 60 percent.',
  });
  await submitClaim(deskApi, changesRequestedId);
  expect(
    (
      await reviewNow(reviewerApi, changesRequestedId, {
        decision: 'request_changes',
        comment: 'Quote the audit’s own figure in the verdict.',
      })
    ).status(),
  ).toBe(201);

  const drafted = await markClaim(deskApi, workspaceId, 'fares fell for every commuter');
  await saveClaim(deskApi, drafted, { claimant: 'The minister', rating: rating('Half true') });
  await markClaim(deskApi, workspaceId, 'the new trains are the quietest in the country');
});

/** Masks what is not this page's design: dates, the organisation's name and the counts other specs change. */
const variable = (page: Page): Locator[] => [
  page.locator('time'),
  page.locator('header.site'),
  page.locator('nav a[href="/review"], nav a[href="/inbox"]'),
];

/** A source's access date is the day it was added: the same fixed day in every run. */
async function fixAccessDates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n as Text;
      if (text.data.includes('(accessed '))
        text.data = text.data.replace(/\(accessed [^)]*\)/g, '(accessed 1 January 2026)');
    }
  });
}

async function compare(page: Page, name: string, target: Page | Locator, extraMasks: Locator[] = []): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await fixAccessDates(page);
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(target).toHaveScreenshot(`${name}-${scheme}.png`, {
      ...shot,
      mask: [...variable(page), ...extraMasks],
    });
  }
}

test('reader article page', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/a/${slug}`);
  await compare(page, 'reader-article', page, [page.locator('h1 + .meta')]);
});

test('rating scale', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/ratings');
  // The viewport only: other specs add ratings at the end of the scale.
  await compare(page, 'rating-scale', page);
});

test('sign-in', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/sign-in');
  await compare(page, 'sign-in', page);
});

test('review screen', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInByHttp(page, reviewer.email, reviewer.password, `/review/${inReviewId}`);
  await expect(page.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
  // Whether there is a next claim depends on the queue other specs fill.
  await compare(page, 'review-screen', page.locator('main'), [page.locator('.review-shortcuts')]);
});

/** The editor at work: the text, its claims' highlights by state and their cards in the margin, the claim opened. */
async function openWorkspace(page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInByHttp(page, deskEditor.email, deskEditor.password, path);
  // Live, the text is shown from the database until the shared document is synced: then it is editable.
  await expect(page.locator('.article-body')).toHaveAttribute('contenteditable', 'true');
  await expect(page.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  // This editor alone: the previous test's page has left (its avatar would come and go).
  await expect(page.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(1);
  // A person's colour comes from their id, new in each run: the avatars are masked where they are compared.
  // Which claims elsewhere in the newsroom look alike depends on what other specs checked.
  await page.addStyleTag({ content: 'section:has(> #similar-claims-heading) { display: none; }' });
}

test('editor workspace', async ({ browser }) => {
  const page = await newPage(browser);
  await openWorkspace(page, `/articles/${workspaceId}`);
  await expect(page.locator('.claims-panel .claim-item')).toHaveCount(5);
  await compare(page, 'editor-workspace', page, [page.locator('.collab-avatar')]);
  await page.context().close();
});

test('claim panel', async ({ browser }) => {
  const page = await newPage(browser);
  await openWorkspace(page, `/articles/${workspaceId}?claim=${changesRequestedId}`);
  const panel = page.getByRole('region', { name: 'Claim', exact: true });
  await expect(panel.getByRole('heading', { name: 'Claim', exact: true })).toBeFocused();
  await expect(panel.locator('.claim-save-status')).toHaveText('Saved');
  await expect(panel.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem')).toHaveCount(1);
  // Focus on its heading may scroll the page by a varying amount while the layout settles: the top of both, always.
  await panel.evaluate((el) => {
    el.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  // As it is seen beside the text (the panel scrolls on its own: a screenshot of all of it would be mostly blank).
  await compare(page, 'claim-panel', page, [page.locator('.collab-avatar')]);
  await page.context().close();
});

test('reader article page on a phone', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/a/${slug}`);
  await compare(page, 'reader-article-phone', page, [page.locator('h1 + .meta')]);
});

test('dashboard', async ({ browser }) => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInByHttp(page, editor.email, editor.password, '/dashboard');
  // This editor's own articles: the lists of every article change with other specs.
  const mine = page.locator('section', { has: page.locator('#mine-heading') });
  await expect(mine).toContainText('Visual check: the harbour and the ferries');
  // Its height, not the neighbouring column's (the queue every spec fills).
  await page.addStyleTag({ content: 'section[aria-labelledby="mine-heading"] { align-self: start; }' });
  await compare(page, 'dashboard-mine', mine);
});
