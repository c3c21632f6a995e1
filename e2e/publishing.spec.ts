import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createAnnotationValidator } from '@/lib/publishing/fixtures/annotation-validator';
import { demoAdmin, newPage, newsroom, signInByHttp, uniqueSuffix, type TestUser } from './support/accounts';
import { expectSaved, selectText } from './support/editor';
import { confirmDialog, expectToast, toast } from './support/toasts';

let editor: TestUser;
let reviewer: TestUser;
let editorApi: APIRequestContext;

test.beforeAll(async () => {
  ({ editor, reviewer, editorApi } = await newsroom());
});

const jsonLd = async (page: Page) =>
  (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap(
    (b) => JSON.parse(b) as { url: string }[],
  );

async function publishFromScreen(page: Page, articleId: string, note?: string): Promise<void> {
  await page.goto(`/articles/${articleId}/publish`);
  if (note) await page.getByLabel(/^Correction note for version/).fill(note);
  // Nothing readers see is withdrawn here: the screen's button publishes without asking again.
  await page.getByRole('button', { name: /^Publish (version|correction)/ }).click();
  await expect(toast(page, /Published version \d+\./)).toHaveText(/^Done: Published version \d+\.$/);
}

test('the whole journey: paste, mark, verdict, submit, approve, publish, read without JavaScript, correct, compare, retract', async ({
  browser,
  baseURL,
}) => {
  // Three people, a dozen page loads and two publications: it reached the retraction at 60 s on a busy CI machine.
  test.setTimeout(180_000);
  const title = `Harbour claims ${uniqueSuffix()}`;
  const ed = await newPage(browser);
  await signInByHttp(ed, editor.email, editor.password, '/articles/new');
  const form = ed.locator('form', { has: ed.getByRole('button', { name: 'Create article' }) });
  await form.getByLabel('Title (optional)').fill(title);
  await form
    .getByLabel('Article text')
    .fill('The mayor said the new harbour created 5,000 jobs in its first year. Critics disagree.');
  await form.getByRole('button', { name: 'Create article' }).click();
  await expect(ed).toHaveURL(/\/articles\/(?!new$)[a-z0-9]+$/);
  await expect(ed.locator('.editor-content')).toBeVisible();
  const articleId = ed.url().split('/').pop() ?? '';

  await selectText(ed, 'the new harbour created 5,000 jobs');
  await ed.keyboard.press('ControlOrMeta+Shift+C');
  await expectSaved(ed);
  await ed.getByRole('link', { name: /^Verdict and sources/ }).click();
  await ed.getByLabel('Claimant', { exact: true }).fill('The mayor');
  await ed.getByLabel('Rating').selectOption({ label: 'False' });
  await ed.getByLabel('Short verdict').fill('Port records show 1,200 jobs.');
  await ed.getByRole('button', { name: 'Save claim' }).click();
  await expect(ed.getByRole('status').filter({ hasText: 'Claim saved.' })).toBeVisible();
  // A source the reader can follow: a page of this site, so the test needs no outside network.
  await ed.getByLabel('Source URL').fill(`${baseURL}/ratings`);
  await ed.getByLabel('Title (fetched from the page when empty)').fill('Port employment records');
  await ed.getByLabel('Publisher (fetched when empty)').fill('Port authority');
  await ed.getByRole('button', { name: 'Add source' }).click();
  await expect(ed.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem')).toHaveCount(1);
  await ed.getByRole('button', { name: 'Submit for review' }).click();
  await expect(ed.getByRole('status').filter({ hasText: /submitted/i })).toBeVisible();

  // Nothing approved yet: the publish screen says why the claim stays in the newsroom.
  await ed.goto(`/articles/${articleId}/publish`);
  await expect(ed.getByRole('region', { name: /Stays in the newsroom \(1\)/ })).toContainText(
    'Waiting for a reviewer’s approval.',
  );
  await expect(ed.getByRole('region', { name: 'Before you can publish' })).toContainText(
    'At least one claim must be approved.',
  );
  await expect(ed.getByRole('button', { name: 'Publish' })).toBeDisabled();

  const claims = (await (await editorApi.get(`/api/v1/articles/${articleId}/claims`)).json()) as {
    items: { id: string }[];
  };
  const claimId = claims.items[0]?.id ?? '';
  const rev = await newPage(browser);
  await signInByHttp(rev, reviewer.email, reviewer.password, `/review/${claimId}`);
  await rev.getByRole('button', { name: 'Approve' }).click();
  await expect(rev.getByRole('status').filter({ hasText: 'Claim approved.' })).toBeVisible();

  await ed.reload();
  await expect(ed.getByRole('region', { name: /Goes out to readers \(1\)/ })).toContainText(
    'the new harbour created 5,000 jobs',
  );
  const [preview] = await Promise.all([
    ed.context().waitForEvent('page'),
    ed.getByRole('link', { name: /Preview the reader page/ }).click(),
  ]);
  await expect(preview.getByRole('note')).toContainText('Preview.');
  expect(await jsonLd(preview)).toHaveLength(1);
  await preview.close();
  await publishFromScreen(ed, articleId);
  const slug =
    (await ed.getByRole('link', { name: 'Open the published page' }).getAttribute('href'))?.split('/').pop() ?? '';

  // The reader, without JavaScript and without a mouse.
  const reader = await newPage(browser, { javaScriptEnabled: false });
  expect((await reader.goto(`/a/${slug}`))?.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 2, name: '1 claim checked: 1 false' })).toBeVisible();
  await reader.getByRole('button', { name: 'False', exact: true }).focus();
  await reader.keyboard.press('Enter');
  await expect(reader.locator('.verdict-popover:popover-open')).toContainText('Port records show 1,200 jobs.');
  await reader
    .locator('.verdict-popover:popover-open')
    .getByRole('link', { name: 'Full explanation and sources' })
    .focus();
  await reader.keyboard.press('Enter');
  await expect(reader).toHaveURL(/#claim-/);
  await reader.locator('.verdict:target').getByRole('link', { name: 'Port employment records' }).focus();
  await reader.keyboard.press('Enter');
  await expect(reader).toHaveURL(`${baseURL}/ratings`);

  // A correction: the verdict changes and version 2 says so, with a readable comparison.
  const claim = (await (await editorApi.get(`/api/v1/claims/${claimId}`)).json()) as { version: number };
  expect(
    (
      await editorApi.patch(`/api/v1/claims/${claimId}`, {
        data: { baseVersion: claim.version, shortVerdict: 'Port records show 1,250 jobs.' },
      })
    ).status(),
  ).toBe(200);
  await editorApi.post(`/api/v1/claims/${claimId}/submit`);
  await rev.goto(`/review/${claimId}`);
  await rev.getByRole('button', { name: 'Approve' }).click();
  await expect(rev.getByRole('status').filter({ hasText: 'Claim approved.' })).toBeVisible();
  await ed.goto(`/articles/${articleId}/publish`);
  await ed.getByRole('button', { name: 'Publish correction (version 2)' }).click();
  await expect(ed.locator('#publish-correction-note-error')).toBeVisible();
  await expect(ed.getByRole('button', { name: 'Publish correction (version 2)' })).toBeVisible();
  await publishFromScreen(ed, articleId, 'We misread the port’s table: 1,250 jobs, not 1,200.');

  await reader.goto(`/a/${slug}`);
  await expect(reader.getByRole('note')).toContainText('Corrected on');
  await expect(reader.getByRole('note')).toContainText('We misread the port’s table');
  await reader.getByRole('link', { name: 'What changed' }).click();
  await expect(reader.getByRole('heading', { name: 'Changes from version 1 to version 2' })).toBeVisible();
  const row = reader.getByRole('row', { name: /the new harbour created 5,000 jobs/ });
  await expect(row).toContainText('Port records show 1,200 jobs.');
  await expect(row).toContainText('Port records show 1,250 jobs.');
  await reader.getByRole('link', { name: 'All versions' }).click();
  await expect(reader.getByRole('listitem').filter({ hasText: 'Version 2' })).toContainText(
    'We misread the port’s table',
  );
  await reader.getByLabel('From').selectOption('1');
  await reader.getByLabel('To').selectOption('2');
  await reader.getByRole('button', { name: 'Compare' }).click();
  await expect(reader).toHaveURL(/\/diff\?from=1&to=2$/);

  // Retraction: the public page becomes the notice; the versions stay on record, without structured data.
  await ed.goto(`/articles/${articleId}/publish`);
  const retract = confirmDialog(ed, 'Retract this fact-check?');
  await ed.getByRole('button', { name: 'Retract the fact-check' }).click();
  await retract.getByRole('button', { name: 'Retract the fact-check' }).click();
  await expect(ed.locator('#retract-reason-error')).toHaveText('Say why the fact-check is retracted.');
  await ed.getByLabel('Reason for the retraction (readers see it)').fill('The port withdrew its figures.');
  await ed.getByRole('button', { name: 'Retract the fact-check' }).click();
  await retract.getByRole('button', { name: 'Retract the fact-check' }).click();
  await expectToast(ed, 'The fact-check is retracted; its page now shows the notice.');
  // The screen now shows the retraction in place of the form.
  await expect(ed.getByText(/Retracted on .*: The port withdrew its figures\./)).toBeVisible();
  await expect(ed.getByRole('button', { name: 'Retract the fact-check' })).toHaveCount(0);
  expect((await reader.goto(`/a/${slug}`))?.status()).toBe(200);
  await expect(reader.getByRole('note')).toContainText('Retracted on');
  await expect(reader.getByRole('note')).toContainText('The port withdrew its figures.');
  expect(await jsonLd(reader)).toEqual([]);
  await reader.goto(`/a/${slug}/v/2`);
  await expect(reader.getByRole('note').first()).toContainText('The port withdrew its figures.');
  await expect(reader.getByText('Port records show 1,250 jobs.').first()).toBeAttached();
  expect(await jsonLd(reader)).toEqual([]);
  const feed = (await (await reader.request.get('/api/v1/claimreview.json?limit=100')).json()) as {
    dataFeedElement: { url: string }[];
  };
  expect(feed.dataFeedElement.some((r) => r.url.includes(`/a/${slug}#`))).toBe(false);
  expect(
    (await editorApi.post(`/api/v1/articles/${articleId}/retraction`, { data: { reason: 'Again.' } })).status(),
  ).toBe(409);
});

test('preview and publish screen are for editors only; readers get 404 for anything unpublished', async ({
  browser,
}) => {
  const created = (await (
    await editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Draft words that nobody outside may read.' },
    })
  ).json()) as { id: string; slug: string };
  const claim = (await (
    await editorApi.post(`/api/v1/articles/${created.id}/claims`, { data: { quote: { exact: 'Draft words' } } })
  ).json()) as { id: string };
  const anonymous = await newPage(browser);
  for (const path of [
    `/a/${created.slug}`,
    `/a/${created.slug}/versions`,
    `/a/${created.slug}/embed`,
    `/a/${created.slug}/claims/${claim.id}`,
    `/a/${created.slug}/diff?from=1&to=2`,
  ]) {
    expect((await anonymous.request.get(path)).status(), path).toBe(404);
  }
  await anonymous.goto(`/articles/${created.id}/preview`);
  await expect(anonymous).toHaveURL(/\/sign-in/);
  const rev = await newPage(browser);
  await signInByHttp(rev, reviewer.email, reviewer.password);
  await rev.goto(`/articles/${created.id}/publish`);
  await expect(rev).toHaveURL(/\/forbidden/);
  await rev.goto(`/articles/${created.id}/preview`);
  await expect(rev).toHaveURL(/\/forbidden/);
});

test('share pages, W3C annotations, the ClaimReview feed and the CSV export of the demo', async ({
  browser,
  request,
}) => {
  const slug = 'witkoff-putin-security-guarantees-ukraine';
  const reader = await newPage(browser, { javaScriptEnabled: false });
  await reader.goto(`/a/${slug}`);
  const share = await reader.locator('.verdict').first().getByRole('link', { name: 'share' }).getAttribute('href');
  const response = await reader.goto(share ?? '');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'none'");
  const claimId = share?.split('/').pop() ?? '';
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute('content', /fact-check by Demo Newsroom/);
  await expect(reader.locator('meta[property="og:url"]')).toHaveAttribute(
    'content',
    new RegExp(`/a/${slug}/claims/${claimId}$`),
  );
  await expect(reader.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/a/${slug}$`));
  expect(await jsonLd(reader)).toEqual([]);
  await expect(reader.getByRole('link', { name: 'Read the full fact-check' })).toHaveAttribute(
    'href',
    `/a/${slug}#claim-${claimId}`,
  );

  await reader.goto(`/a/${slug}`);
  const href = (await reader.locator('link[rel="alternate"][title="W3C Web Annotations"]').getAttribute('href')) ?? '';
  const annotations = await request.get(href);
  expect(annotations.headers()['content-type']).toContain('application/ld+json');
  const collection = (await annotations.json()) as {
    type: string;
    total: number;
    first: { items: { target: { selector: { type: string; exact?: string }[] } }[] };
  };
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.total).toBe(3);
  const failures = createAnnotationValidator();
  for (const a of collection.first.items) expect(failures(a)).toEqual([]);
  const quotes = collection.first.items.map(
    (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact,
  );
  for (const quote of quotes) await expect(reader.locator('article.text')).toContainText(quote ?? 'missing');

  const feed = await request.get('/api/v1/claimreview.json');
  const data = (await feed.json()) as { '@type': string; dataFeedElement: { '@type': string; url: string }[] };
  expect(data['@type']).toBe('DataFeed');
  expect(data.dataFeedElement.filter((r) => r.url.includes(`/a/${slug}#claim-`))).toHaveLength(3);

  const created = (await (
    await editorApi.post('/api/v1/articles', {
      data: { format: 'text', body: 'Crime fell 40% in a year, said the chief.' },
    })
  ).json()) as { id: string };
  await editorApi.post(`/api/v1/articles/${created.id}/claims`, {
    data: { quote: { exact: 'Crime fell 40% in a year' } },
  });
  const csv = await editorApi.get(`/api/v1/articles/${created.id}/claims.csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename=".+-claims\.csv"$/);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'id,status,quote,start,end,claimant,claimant_role,claim_date,claim_reviewed,rating,short_verdict,explanation,sources,updated_at',
  );
  expect(lines[1]).toContain('"DRAFT","Crime fell 40% in a year","0","24"');
});

test('the embed is framable only by the sites the admin allows; every other page refuses framing', async ({
  browser,
  request,
}) => {
  const slug = 'witkoff-putin-security-guarantees-ukraine';
  const page = await request.get(`/a/${slug}`);
  expect(page.headers()['x-frame-options']).toBe('DENY');
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  const adminPage = await newPage(browser);
  await signInByHttp(adminPage, demoAdmin.email, demoAdmin.password, '/admin/settings');
  const field = adminPage.getByLabel(/^Partner sites allowed to embed/);
  await field.fill('partner.example.org/path');
  await adminPage.getByRole('button', { name: 'Save settings' }).click();
  await expect(adminPage.locator('#field-embedOrigins-error')).toContainText('https://host');
  await expect(field).toHaveValue('partner.example.org/path');
  await field.fill('https://partner.example.org\nhttp://localhost:9');
  await adminPage.getByRole('button', { name: 'Save settings' }).click();
  await expect(toast(adminPage, 'Settings saved.')).toBeVisible();

  const embed = await request.get(`/a/${slug}/embed`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  expect(embed.headers()['content-security-policy']).toContain(
    'frame-ancestors https://partner.example.org http://localhost:9',
  );
  const html = await embed.text();
  expect(html).not.toContain('application/ld+json');
  expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]+/a/${slug}">`));

  await field.fill('');
  await adminPage.getByRole('button', { name: 'Save settings' }).click();
  // The same message is already on screen from the first save: wait for the policy itself.
  await expect
    .poll(async () => (await request.get(`/a/${slug}/embed`)).headers()['content-security-policy'])
    .toContain("frame-ancestors 'none'");
});
