import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoAdmin, newPage, newsroom, signInByHttp, uniqueSuffix, type Newsroom } from './support/accounts';
import {
  addSource,
  approvedClaim,
  createTextArticle,
  markClaim,
  saveClaim,
  settlePublishingSettings,
  submitClaim,
} from './support/newsroom-api';
import { mapWithLimit } from './support/parallel';

// Issue #15, dashboards and lists: one date rule, searchable and pageable lists, the history as a timeline, a one-row header.

let room: Newsroom;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await newsroom();
});

const pad = (n: number) => String(n).padStart(2, '0');

async function assign(
  api: APIRequestContext,
  articleId: string,
  body: { factCheckerId?: string | null; reviewerId: string | null; dueDate: string | null },
) {
  const response = await api.put(`/api/v1/articles/${articleId}/assignment`, {
    data: { factCheckerId: null, ...body },
  });
  expect(response.status(), await response.text()).toBe(200);
}

async function falseRatingId(): Promise<string> {
  const ratings = (await (await room.editorApi.get('/api/v1/ratings')).json()) as {
    items: { id: string; label: string }[];
  };
  const id = ratings.items.find((r) => r.label === 'False')?.id;
  expect(id).toBeTruthy();
  return id ?? '';
}

const titles = (page: Page) =>
  page.getByRole('region', { name: 'All articles' }).locator('.article-list .truncated-title');

test('dates follow the browser’s locale and time zone, with the full date on hover and a UTC fallback in the HTML', async ({
  browser,
}) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'The harbour moved a million containers.',
    `Dates ${uniqueSuffix()}`,
  );
  await assign(room.editorApi, id, { reviewerId: room.reviewer.id, dueDate: '2026-12-31' });
  const page = await newPage(browser, { locale: 'de-DE', timezoneId: 'Asia/Tokyo' });
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${id}/history`);

  const html = await (await page.request.get(`/articles/${id}/history`)).text();
  expect(html).toMatch(/<time dateTime="\d{4}-\d{2}-\d{2}T[^"]+" title="\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC">/);

  const created = page
    .getByRole('list', { name: 'Events, oldest first' })
    .locator('.timeline-event', { hasText: 'Article created' })
    .locator('time');
  await expect(created).toHaveAttribute('data-local', '');
  await expect(created).toHaveText(/^(jetzt|vor \d+ (Sekunden|Minuten?))$/);
  const iso = (await created.getAttribute('datetime')) ?? '';
  const tokyo = new Date(iso);
  const month = new Intl.DateTimeFormat('de-DE', { month: 'long', timeZone: 'Asia/Tokyo' }).format(tokyo);
  const hhmm = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(
    tokyo,
  );
  const title = (await created.getAttribute('title')) ?? '';
  expect(title).toContain(month);
  expect(title).toContain(hhmm);
  expect(title).toMatch(/GMT\+9|Japan|Japanische/);

  await page.goto(`/dashboard?q=${encodeURIComponent('Dates ')}&assignee=${room.reviewer.id}`);
  const due = page.getByRole('region', { name: 'All articles' }).locator('time[datetime^="2026-12-31"]').first();
  await expect(due).toHaveText('31.12.2026');
  await page.context().close();
});

test('the dashboard’s articles are searched, filtered by assignee, due date and state, sorted and paged through the address', async ({
  browser,
}) => {
  const sfx = uniqueSuffix();
  const created = await mapWithLimit([...Array(23).keys()], 4, async (i) => {
    const { id } = await createTextArticle(
      room.editorApi,
      `Article number ${i + 1} of the list.`,
      `List ${sfx} ${pad(i + 1)}`,
    );
    if (i % 2 === 0)
      await assign(room.editorApi, id, { reviewerId: room.reviewer.id, dueDate: `2031-01-${pad(28 - i)}` });
    return id;
  });
  expect(created).toHaveLength(23);

  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, '/dashboard');
  const form = page.getByRole('search', { name: 'Search and filter articles' });
  await form.getByLabel('Title').fill(sfx);
  await form.getByLabel('Sort by').selectOption({ label: 'Title' });
  await form.getByLabel('Order').selectOption({ label: 'Descending' });
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${sfx}.*sort=title.*dir=desc`));
  await expect(page.getByText('23 articles match')).toBeVisible();
  await expect(titles(page)).toHaveCount(20);
  await expect(titles(page).first()).toHaveText(`List ${sfx} 23`);

  await page.getByRole('navigation', { name: 'Pages of articles' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(titles(page)).toHaveText([`List ${sfx} 03`, `List ${sfx} 02`, `List ${sfx} 01`]);
  await page.goBack();
  await expect(titles(page)).toHaveCount(20);
  await expect(form.getByLabel('Title')).toHaveValue(sfx);

  // Assigned to the reviewer, with a due date, soonest first: the twelve even-numbered articles, latest index first.
  await form.getByLabel('Assigned to').selectOption({ label: room.reviewer.name });
  await form.getByLabel('Due', { exact: true }).selectOption({ label: 'Has a due date' });
  await form.getByLabel('Sort by').selectOption({ label: 'Due date' });
  await form.getByLabel('Order').selectOption({ label: 'Default' });
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('12 articles match')).toBeVisible();
  await expect(titles(page).first()).toHaveText(`List ${sfx} 23`);
  await expect(titles(page).last()).toHaveText(`List ${sfx} 01`);
  await expect(titles(page).first()).toHaveAttribute('title', `List ${sfx} 23`);

  // The same address works without scripts: the filters are a plain GET form.
  const scriptFree = await newPage(browser, { javaScriptEnabled: false });
  await signInByHttp(scriptFree, room.editor.email, room.editor.password, page.url());
  await expect(titles(scriptFree)).toHaveCount(12);
  await scriptFree.getByLabel('Due', { exact: true }).selectOption({ label: 'No due date' });
  await scriptFree.getByRole('button', { name: 'Apply' }).click();
  await expect(titles(scriptFree)).toHaveCount(0);
  await expect(scriptFree.getByText('No article matches these filters.')).toBeVisible();
  await scriptFree.context().close();

  // By state: once the first is published, "Published" finds it alone and "Not published" the other eleven.
  await approvedClaim(room, created[0] ?? '', 'Article number 1', {
    shortVerdict: 'No: it is the first.',
    source: { url: 'https://stats.example.org/list', title: 'The list', kind: 'official-data' },
  });
  await settlePublishingSettings(room.admin);
  const published = await room.editorApi.post(`/api/v1/articles/${created[0]}/publications`, { data: {} });
  expect(published.status(), await published.text()).toBe(201);
  await form.getByLabel('State').selectOption({ label: 'Published' });
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/state=PUBLISHED/);
  await expect(titles(page)).toHaveText([`List ${sfx} 01`]);
  await form.getByLabel('State').selectOption({ label: 'Not published' });
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/state=DRAFT/);
  await expect(titles(page)).toHaveCount(11);
  await expect(titles(page).filter({ hasText: `List ${sfx} 01` })).toHaveCount(0);
  await page.context().close();
});

test('the review queue is searched, filtered by assignee, sorted and paged', async ({ browser }) => {
  test.setTimeout(240_000);
  const sfx = uniqueSuffix();
  const phrases = [...Array(21).keys()].map((i) => `figure ${sfx} ${pad(i + 1)} rose`);
  const { id: assigned } = await createTextArticle(
    room.editorApi,
    phrases.map((p) => `Officials said the ${p} sharply.`).join('\n\n'),
    `Queue ${sfx} assigned`,
  );
  const { id: open } = await createTextArticle(
    room.editorApi,
    `Officials said the figure ${sfx} 99 rose sharply.`,
    `Queue ${sfx} open`,
  );
  await assign(room.editorApi, assigned, { reviewerId: room.reviewer.id, dueDate: '2031-02-01' });
  const rating = await falseRatingId();
  const claims: string[] = [];
  for (const p of phrases) claims.push(await markClaim(room.editorApi, assigned, p));
  claims.push(await markClaim(room.editorApi, open, `figure ${sfx} 99 rose`));
  // Submitted one after another, so "Submitted" orders them as the phrases are numbered.
  await mapWithLimit(claims, 4, async (claimId) => {
    await saveClaim(room.editorApi, claimId, { rating, shortVerdict: 'No: it fell.' });
    await addSource(room.editorApi, claimId, {
      url: 'https://stats.example.org/q',
      title: 'Table',
      publisher: 'Stats office',
      publishedAt: '2025-05-01',
      kind: 'official-data',
    });
  });
  for (const claimId of claims) await submitClaim(room.editorApi, claimId);

  const page = await newPage(browser);
  await signInByHttp(page, room.reviewer.email, room.reviewer.password, `/review`);
  const form = page.getByRole('search', { name: 'Filter the queue' });
  await form.getByLabel('Words').fill(sfx);
  await form.getByLabel('Sort by').selectOption({ label: 'Submitted' });
  await form.getByLabel('Order').selectOption({ label: 'Descending' });
  await form.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('22 claims match')).toBeVisible();
  const rows = page.getByRole('table', { name: 'Claims in review' }).locator('tbody tr');
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText(`figure ${sfx} 99 rose`);
  await page.getByRole('navigation', { name: 'Pages of the queue' }).getByRole('link', { name: 'Page 2' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.last()).toContainText(`figure ${sfx} 01 rose`);

  await form.getByLabel('Reviewer').selectOption({ label: 'Not assigned' });
  await form.getByRole('button', { name: 'Filter' }).click();
  await expect(page).not.toHaveURL(/page=2/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Queue ${sfx} open`);
  await form.getByLabel('Reviewer').selectOption({ label: 'Assigned to me' });
  await form.getByLabel('Sort by').selectOption({ label: 'Article due date' });
  await form.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('21 claims match')).toBeVisible();
  await expect(rows.first().locator('time[datetime^="2031-02-01"]')).toBeVisible();
  await page.context().close();
});

test('the history reads as a timeline: "Rating changed from False to … by …"', async ({ browser }) => {
  const { id } = await createTextArticle(
    room.editorApi,
    'Officials said wages doubled this year.',
    `Timeline ${uniqueSuffix()}`,
  );
  const claimId = await markClaim(room.editorApi, id, 'wages doubled');
  const ratings = (await (await room.editorApi.get('/api/v1/ratings')).json()) as {
    items: { id: string; label: string }[];
  };
  const [first, second] = [
    ratings.items.find((r) => r.label === 'False'),
    ratings.items.find((r) => r.label !== 'False'),
  ];
  expect(first && second).toBeTruthy();
  await saveClaim(room.editorApi, claimId, { rating: first?.id, shortVerdict: 'No.' });
  await saveClaim(room.editorApi, claimId, { rating: second?.id });

  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${id}/history`);
  const events = page.getByRole('list', { name: 'Events, oldest first' }).locator('.timeline-event');
  const last = events.filter({ hasText: 'Verdict saved' }).last();
  await expect(last.locator('.timeline-summary')).toHaveText(
    new RegExp(`^Verdict saved by ${room.editor.name}, .+ · Claim$`),
  );
  await expect(last.getByRole('listitem')).toHaveText([`Rating changed from False to ${second?.label}`]);
  await last.getByRole('link', { name: 'Claim' }).click();
  await expect(page).toHaveURL(new RegExp(`claim=${claimId}`));
  await expect(page.getByRole('heading', { name: 'History of a claim' })).toBeVisible();
  await page.context().close();
});

test('the staff header is one row at 1440 px and usable at 390 px', async ({ browser }) => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    const page = await newPage(browser, { viewport });
    await signInByHttp(page, demoAdmin.email, demoAdmin.password, '/dashboard');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
    if (viewport.width === 1440) {
      // One row: every item of the header shares one line, and the header is no taller than its tallest item plus padding.
      const tops = await nav.evaluate((el) => [...el.children].map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(8);
      const [navHeight, tallest] = await nav.evaluate((el) => [
        el.getBoundingClientRect().height,
        Math.max(...[...el.children].map((c) => c.getBoundingClientRect().height)),
      ]);
      expect(navHeight).toBeLessThanOrEqual((tallest ?? 0) + 2 * 12 + 2);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await nav.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    // The header stays across the navigation; its menu closes.
    await expect(page.getByRole('menuitem', { name: 'Users' })).toBeHidden();
    await nav.getByRole('button', { name: 'Admin' }).click();
    await expect(page.getByRole('menuitem', { name: 'Users' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menuitem', { name: 'Users' })).toBeHidden();
    await expect(nav.getByRole('button', { name: 'Admin' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.context().close();
  }
});
