import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  apiAs,
  createUser,
  demoAdmin,
  demoAdminApi,
  newPage,
  signInByHttp,
  tokenFor,
  type TestUser,
} from './support/accounts';
import { reviewNow } from './support/review';

let admin: APIRequestContext;
let editor: TestUser;
let reviewer: TestUser;
let editorApi: APIRequestContext;
let reviewerApi: APIRequestContext;

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL ?? '';
  admin = await demoAdminApi();
  // The editor is a reviewer too: the four-eyes rule must still keep them from approving their own work.
  editor = await createUser(admin, ['EDITOR', 'REVIEWER']);
  reviewer = await createUser(admin, ['REVIEWER']);
  editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  reviewerApi = await apiAs(baseURL, (await tokenFor(reviewer.email, reviewer.password)).token);
});

async function readyClaim(words: string): Promise<{ articleId: string; claimId: string }> {
  const article = (await (
    await editorApi.post('/api/v1/articles', { data: { format: 'text', body: `It is said that ${words} this year.` } })
  ).json()) as { id: string };
  const claim = (await (
    await editorApi.post(`/api/v1/articles/${article.id}/claims`, { data: { quote: { exact: words } } })
  ).json()) as { id: string };
  const ratings = (await (await editorApi.get('/api/v1/ratings')).json()) as { items: { id: string; label: string }[] };
  const falseRating = ratings.items.find((r) => r.label === 'False')?.id;
  await editorApi.patch(`/api/v1/claims/${claim.id}`, {
    data: { baseVersion: 1, rating: falseRating, shortVerdict: 'No: the data say otherwise.' },
  });
  await editorApi.post(`/api/v1/claims/${claim.id}/sources`, {
    data: {
      url: 'https://stats.example.org/t1',
      title: 'Table 1',
      publisher: 'Stats office',
      publishedAt: '2025-05-01',
      kind: 'official-data',
    },
  });
  return { articleId: article.id, claimId: claim.id };
}

test('submit, send back with a comment, fix, resubmit, see the diff, approve; a later change sends it back to draft', async ({
  browser,
}) => {
  const { articleId, claimId } = await readyClaim('bread prices doubled');
  expect((await editorApi.post(`/api/v1/claims/${claimId}/submit`)).status()).toBe(200);

  const rev = await newPage(browser);
  // The queue pages 20 at a time and other specs fill it: search it, as a reviewer would.
  await signInByHttp(rev, reviewer.email, reviewer.password, '/review?q=bread+prices+doubled');
  await expect(rev.getByRole('link', { name: /Review \(\d+\)/ })).toBeVisible();
  await rev.getByRole('link', { name: '“bread prices doubled”' }).click();
  await expect(rev.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
  await expect(rev.locator('.context mark')).toHaveText('bread prices doubled');
  // The rating as it will be published: its label, its value in the ClaimReview data and what it means.
  await expect(rev.getByTestId('rating-value')).toHaveText('value 1 in the structured data');
  await expect(rev.getByText('The statement is not accurate.')).toBeVisible();
  // The source as readers will see it; its address, in the list of every field, opens in a new tab.
  await expect(rev.getByRole('list', { name: 'Sources as published' })).toContainText(
    'Table 1, Stats office, 1 May 2025',
  );
  await expect(rev.locator('.source-details a[href="https://stats.example.org/t1"]')).toHaveAttribute(
    'target',
    '_blank',
  );
  await expect(rev.getByText('This claim has not been reviewed before.')).toBeVisible();
  await rev.getByRole('button', { name: 'Request changes' }).click();
  await expect(rev.locator('#review-comment-error')).toHaveText('Say what needs to change.');
  await rev.getByLabel('Comment (required to request changes)').fill('Name the year of the data.');
  await rev.getByRole('button', { name: 'Request changes' }).click();
  await expect(rev.getByRole('status').filter({ hasText: 'Claim sent back with your comment.' })).toBeVisible();

  const ed = await newPage(browser);
  await signInByHttp(ed, editor.email, editor.password, '/inbox');
  await expect(ed.getByRole('link', { name: /Inbox \(\d+ unread\)/ })).toBeVisible();
  await expect(
    ed.getByRole('listitem').filter({ hasText: `${reviewer.name} asked for changes to your claim` }),
  ).toBeVisible();
  const claim = (await (await editorApi.get(`/api/v1/claims/${claimId}`)).json()) as {
    status: string;
    version: number;
  };
  expect(claim.status).toBe('CHANGES_REQUESTED');
  await editorApi.patch(`/api/v1/claims/${claimId}`, {
    data: { baseVersion: claim.version, shortVerdict: 'No: prices rose 12% in 2025 (Table 1).' },
  });
  expect((await editorApi.post(`/api/v1/claims/${claimId}/submit`)).status()).toBe(200);

  await rev.goto(`/review/${claimId}`);
  const diff = rev.getByRole('table', { name: 'Fields changed since the last review' });
  // Word by word: the words kept, the words removed and the words added.
  const shortVerdict = diff.getByRole('row', { name: /Short verdict/ });
  await expect(shortVerdict.getByRole('deletion')).toHaveText(/the data say otherwise/);
  await expect(shortVerdict.getByRole('insertion')).toHaveText(/prices rose 12% in 2025 \(Table 1\)/);
  await expect(shortVerdict).toContainText('No:');
  await rev.getByRole('button', { name: 'Approve' }).click();
  await expect(rev.getByRole('status').filter({ hasText: 'Claim approved.' })).toBeVisible();
  expect(((await (await editorApi.get(`/api/v1/claims/${claimId}`)).json()) as { status: string }).status).toBe(
    'APPROVED',
  );

  const detail = (await (await editorApi.get(`/api/v1/claims/${claimId}`)).json()) as { sources: { id: string }[] };
  await editorApi.patch(`/api/v1/claims/${claimId}/sources/${detail.sources[0]?.id}`, {
    data: { excerpt: 'Bread: +12%.' },
  });
  expect(((await (await editorApi.get(`/api/v1/claims/${claimId}`)).json()) as { status: string }).status).toBe(
    'DRAFT',
  );
  await ed.goto(`/articles/${articleId}`);
  await ed.getByRole('link', { name: /^Verdict and sources/ }).click();
  await expect(ed.getByText(`Back to draft: it was approved by ${reviewer.name}`)).toBeVisible();
  await ed.getByRole('link', { name: 'History of this claim' }).click();
  const events = ed.getByRole('list', { name: 'Events, oldest first' }).locator('.timeline-summary');
  await expect(events.filter({ hasText: /^Approved by / })).toContainText(`Approved by ${reviewer.name}`);
  await expect(events.filter({ hasText: /^Article created/ })).toHaveCount(0);

  const history = (await (await editorApi.get(`/api/v1/articles/${articleId}/history`)).json()) as {
    items: { action: string; actor: { name: string } | null }[];
  };
  const steps = history.items.map((e) => `${e.action} by ${e.actor?.name}`);
  expect(steps).toEqual(
    expect.arrayContaining([
      `claim.submit by ${editor.name}`,
      `review.request-changes by ${reviewer.name}`,
      `review.approve by ${reviewer.name}`,
      `source.update by ${editor.name}`,
    ]),
  );
  const order = ['claim.submit', 'review.request-changes', 'review.approve', 'source.update'].map((a) =>
    history.items.findIndex((e) => e.action === a),
  );
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test('nobody approves their own claim: not offered in the page, 403 in the API', async ({ browser }) => {
  const { claimId } = await readyClaim('rents fell');
  await editorApi.post(`/api/v1/claims/${claimId}/submit`);
  const own = await reviewNow(editorApi, claimId, { decision: 'approve' });
  expect(own.status()).toBe(403);
  expect(own.headers()['content-type']).toContain('application/problem+json');

  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, `/review/${claimId}`);
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByText('another reviewer must review it')).toBeVisible();
  await page.goto('/review?q=rents+fell');
  await expect(page.getByRole('row', { name: /“rents fell”/ })).toContainText('your own work');
  expect(((await (await reviewerApi.get(`/api/v1/claims/${claimId}`)).json()) as { status: string }).status).toBe(
    'IN_REVIEW',
  );
});

test('comments: a thread per claim, resolved and reopened', async ({ browser }) => {
  const { claimId } = await readyClaim('fuel got cheaper');
  const page = await newPage(browser);
  await signInByHttp(page, reviewer.email, reviewer.password, `/review/${claimId}`);
  await page.getByLabel('New comment').fill('Which fuel?');
  await page.getByRole('button', { name: 'Add comment' }).click();
  const thread = page.getByRole('region', { name: 'Discussion' });
  await expect(thread.getByRole('listitem')).toContainText('Which fuel?');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(thread.getByRole('listitem')).toContainText('resolved');
  await thread.getByRole('button', { name: 'Reopen' }).click();
  await expect(thread.getByRole('listitem')).not.toContainText('resolved');
  const notes = (await (await editorApi.get('/api/v1/notifications')).json()) as {
    items: { kind: string; claimId: string }[];
    unread: number;
  };
  expect(notes.items.some((n) => n.kind === 'comment' && n.claimId === claimId)).toBe(true);
  expect((await editorApi.post('/api/v1/notifications/read', { data: {} })).status()).toBe(204);
  expect(((await (await editorApi.get('/api/v1/notifications')).json()) as { unread: number }).unread).toBe(0);
});

test('an assigned reviewer alone is notified; dashboards show progress in words; admins filter the audit log', async ({
  browser,
}) => {
  const other = await createUser(admin, ['REVIEWER']);
  const { articleId, claimId } = await readyClaim('coffee tripled in price');
  const page = await newPage(browser);
  await signInByHttp(page, editor.email, editor.password, `/articles/${articleId}`);
  await page.locator('summary', { hasText: 'Assignment' }).click();
  await page.getByLabel('Reviewer').selectOption({ label: reviewer.name });
  await page.getByLabel('Due').fill('2026-12-31');
  await page.getByRole('button', { name: 'Save assignment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assignment saved.' })).toBeVisible();

  expect((await editorApi.post(`/api/v1/claims/${claimId}/submit`)).status()).toBe(200);
  const mine = (await (await reviewerApi.get('/api/v1/notifications')).json()) as {
    items: { kind: string; claimId: string }[];
  };
  expect(mine.items.some((n) => n.kind === 'submitted' && n.claimId === claimId)).toBe(true);
  const otherApi = await apiAs(
    test.info().project.use.baseURL ?? '',
    (await tokenFor(other.email, other.password)).token,
  );
  const theirs = (await (await otherApi.get('/api/v1/notifications')).json()) as { items: { claimId: string }[] };
  expect(theirs.items.some((n) => n.claimId === claimId)).toBe(false);

  await page.goto('/dashboard');
  const item = page
    .getByRole('region', { name: 'My articles' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /coffee tripled|It is said that coffee/ }) });
  await expect(item.locator('time[datetime^="2026-12-31"]')).toHaveText('Dec 31, 2026');
  await expect(item.getByRole('img')).toHaveAttribute(
    'aria-label',
    /0 verdict drafted, 1 in review, 0 changes requested, 0 approved/,
  );

  const adminPage = await newPage(browser);
  await signInByHttp(adminPage, demoAdmin.email, demoAdmin.password, '/admin/audit');
  await adminPage.getByLabel('Person').selectOption({ label: editor.name });
  await adminPage.getByRole('button', { name: 'Filter' }).click();
  const events = adminPage.getByRole('list', { name: 'Audit log entries, newest first' }).locator('.timeline-event');
  await expect(events.filter({ hasText: 'Assignment changed' }).first()).toBeVisible();
  await expect(events.filter({ hasText: 'Assignment changed' }).first()).toContainText(
    `Reviewer set to ${reviewer.name}`,
  );
  const people = await events.locator('.timeline-actor').allTextContents();
  expect(new Set(people)).toEqual(new Set([editor.name]));
});
