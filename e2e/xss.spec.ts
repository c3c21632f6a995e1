import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { demoAdmin, newPage, newsroom, signInByHttp, uniqueSuffix, type TestUser } from './support/accounts';
import { packVectors, xssVectors } from './support/xss-corpus';
import { mapWithLimit } from './support/parallel';
import { reviewNow } from './support/review';

/**
 * Every vector of the XSS corpora goes through every input that reaches HTML, and every view that shows
 * it is opened in Chromium with the outside network closed. Batched: many vectors per field, one page
 * load per input kind and view.
 */
const vectors = xssVectors();
let admin: APIRequestContext;
let editor: TestUser;
let reviewer: TestUser;
let editorApi: APIRequestContext;
let reviewerApi: APIRequestContext;
let pages: Server;
let pagesBase: string;

const corpusHtml = () => vectors.map((v, i) => `<div>${v}</div><p>Vector ${i} ends.</p>`).join('\n');

test.beforeAll(async () => {
  ({ admin, editor, reviewer, editorApi, reviewerApi } = await newsroom());
  pages = createServer((_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<!doctype html><html><head><title>Corpus page</title></head><body><article><h1>Corpus page</h1>${corpusHtml()}</article></body></html>`,
      );
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => pages.close(() => resolve())));

/** A page that records dialogs and script errors, with every request outside the app refused. */
async function guardedPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ page: Page; events: string[] }> {
  const page = await newPage(browser, options);
  const events: string[] = [];
  const appOrigin = new URL(test.info().project.use.baseURL ?? '').origin;
  await page
    .context()
    .route('**/*', (route) => (new URL(route.request().url()).origin === appOrigin ? route.continue() : route.abort()));
  page.on('dialog', (d) => {
    events.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => events.push(`page error: ${e.message}`));
  return { page, events };
}

/** Nothing executable survived: no handler attributes, script URLs, frames or plugins, no foreign scripts. */
async function expectInert(page: Page, events: string[], where: string): Promise<void> {
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value
          .trim()
          .toLowerCase()
          .replace(/[\s\u0000-\u001f]+/g, '');
        if (attr.name.toLowerCase().startsWith('on')) problems.push(`${el.tagName} ${attr.name}`);
        // React's own placeholders on forms whose action is a function: a server action's ("A React form was
        // unexpectedly submitted…") and a client function's, e.g. one that shows a toast ("React form unexpectedly
        // submitted."). The browser never follows them while React runs, and the CSP refuses them without it.
        if (/^javascript:thrownewerror\('a?reactform(was)?unexpectedlysubmitted/.test(value)) continue;
        if (
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attr.name.toLowerCase()) &&
          (value.startsWith('javascript:') || value.startsWith('vbscript:') || value.startsWith('data:text/html'))
        ) {
          problems.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 40)}`);
        }
      }
    }
    for (const el of Array.from(
      document.querySelectorAll('iframe, object, embed, frame, frameset, applet, base, meta[http-equiv]'),
    ))
      problems.push(`element ${el.tagName}`);
    // Inline scripts need this response's nonce; loaded ones may only be the app's own bundles ('strict-dynamic').
    for (const s of Array.from(document.scripts)) {
      if (s.type === 'application/ld+json') continue;
      const own =
        s.src && new URL(s.src).origin === location.origin && new URL(s.src).pathname.startsWith('/_next/static/');
      if (s.src ? !own : !s.nonce) problems.push(`script: ${s.outerHTML.slice(0, 80)}`);
    }
    return problems;
  });
  expect([where, found]).toEqual([where, []]);
  expect([where, events]).toEqual([where, []]);
}

test('pasted, uploaded and imported HTML is inert in the editor, and its text is kept as text', async ({ browser }) => {
  test.setTimeout(180_000);
  const pasted = await editorApi.post('/api/v1/articles', {
    data: { title: `Corpus paste ${uniqueSuffix()}`, format: 'html', body: corpusHtml() },
  });
  expect(pasted.status()).toBe(201);
  const imported = await editorApi.post('/api/v1/articles', { data: { url: `${pagesBase}/corpus` } });
  expect(imported.status(), await imported.text()).toBe(201);
  const markdown = await editorApi.post('/api/v1/articles', {
    data: { format: 'markdown', body: vectors.join('\n\n') },
  });
  expect(markdown.status()).toBe(201);

  const { page, events } = await guardedPage(browser);
  await signInByHttp(page, editor.email, editor.password, '/articles/new?from=upload');
  await page.getByLabel('File (.txt, .md, .html or .docx)').setInputFiles({
    name: 'corpus.html',
    mimeType: 'text/html',
    buffer: Buffer.from(`<html><body>${corpusHtml()}</body></html>`),
  });
  await page.getByRole('button', { name: /Upload/ }).click();
  // The corpus has images and frames: the form first lists what the import left out (its alt text and
  // addresses are corpus text too, so inert as well), with the link on to the article.
  const openArticle = page.getByRole('link', { name: /^Open “/ });
  await expect(openArticle).toBeVisible({ timeout: 30_000 });
  await expectInert(page, events, 'list of what the upload left out');
  await openArticle.click();
  await expect(page).toHaveURL(/\/articles\/(?!new$)[a-z0-9]+$/, { timeout: 30_000 });
  await expect(page.locator('.editor-content')).toContainText('Vector 10 ends.');
  await expectInert(page, events, 'uploaded file in the editor');

  for (const [kind, response] of [
    ['pasted HTML', pasted],
    ['URL import', imported],
    ['Markdown', markdown],
  ] as const) {
    const { id } = (await response.json()) as { id: string };
    await page.goto(`/articles/${id}`);
    await expect(page.locator('.editor-content[contenteditable="true"]')).toBeVisible();
    await expectInert(page, events, `${kind} in the editor`);
  }
});

test('claim fields, verdicts, sources, comments, titles, notes and names are inert in the editor, review, reader and exports', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const long = packVectors(vectors, 2000);
  const short = packVectors(vectors, 280);
  const shortest = packVectors(vectors, 200);
  // One claim per 2,000-character pack of the corpus; the short fields take the short packs in turn.
  const sentences = long.map((_, i) => `<p>Claim number ${i} is in this sentence.</p>`).join('');
  const title = packVectors(vectors, 300)[0] ?? 'title';
  // The claims' sentences come first: some vectors open elements (comments, <plaintext>) that swallow the rest.
  const article = await editorApi.post('/api/v1/articles', {
    data: { title, format: 'html', body: `${sentences}${corpusHtml()}` },
  });
  expect(article.status(), await article.text()).toBe(201);
  const created = (await article.json()) as { id: string; slug: string };
  const ratings = (await (await editorApi.get('/api/v1/ratings')).json()) as { items: { id: string; label: string }[] };
  const rating = ratings.items.find((r) => r.label === 'False')?.id;
  // Claims are marked one at a time (each changes the article); then each claim's requests in order, three claims at a time.
  const claimIds: string[] = [];
  for (const i of long.keys()) {
    const marked = await editorApi.post(`/api/v1/articles/${created.id}/claims`, {
      data: { quote: { exact: `Claim number ${i} is in this sentence` } },
    });
    expect(marked.status(), await marked.text()).toBe(201);
    claimIds.push(((await marked.json()) as { id: string }).id);
  }
  await mapWithLimit(long, 3, async (pack, i) => {
    const claimId = claimIds[i] ?? '';
    const patch = await editorApi.patch(`/api/v1/claims/${claimId}`, {
      data: {
        baseVersion: 1,
        rating,
        statedClaim: pack,
        claimReviewed: (short[i % short.length] ?? '').slice(0, 75),
        claimant: shortest[i % shortest.length],
        claimantRole: shortest[(i + 1) % shortest.length],
        shortVerdict: short[i % short.length],
        explanation: pack,
      },
    });
    expect(patch.status(), await patch.text()).toBe(200);
    const source = await editorApi.post(`/api/v1/claims/${claimId}/sources`, {
      data: {
        url: `https://example.org/${i}`,
        title: packVectors(vectors, 500)[i % 10],
        publisher: shortest[i % shortest.length],
        kind: 'news',
        excerpt: pack,
      },
    });
    expect(source.status(), await source.text()).toBe(201);
    expect((await editorApi.post(`/api/v1/claims/${claimId}/comments`, { data: { body: pack } })).status()).toBe(201);
    expect((await editorApi.post(`/api/v1/claims/${claimId}/submit`)).status()).toBe(200);
  });
  // Script URLs are refused where a URL is asked for.
  for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', ' JaVaScRiPt:alert(1)']) {
    const refused = await editorApi.post(`/api/v1/claims/${claimIds[0]}/sources`, {
      data: { url, title: 'x', kind: 'news' },
    });
    expect(refused.status(), url).toBe(400);
  }
  // The review screen of one claim, then approve them all and publish with a correction-note pack too.
  const rev = await guardedPage(browser);
  await signInByHttp(rev.page, reviewer.email, reviewer.password, `/review/${claimIds[0]}`);
  await expect(rev.page.getByRole('button', { name: 'Approve' })).toBeVisible();
  await expectInert(rev.page, rev.events, 'review screen');
  await rev.page.goto('/review');
  await expectInert(rev.page, rev.events, 'review queue');
  await mapWithLimit(claimIds, 3, async (id) =>
    expect((await reviewNow(reviewerApi, id, { decision: 'approve', comment: long[0] })).status()).toBe(201),
  );
  expect((await editorApi.post(`/api/v1/articles/${created.id}/publications`, { data: {} })).status()).toBe(201);
  expect(
    (
      await editorApi.post(`/api/v1/articles/${created.id}/publications`, {
        data: { correctionNote: packVectors(vectors, 2000)[1] },
      })
    ).status(),
  ).toBe(201);

  // A user whose name is a vector appears in lists and histories.
  const named = await admin.post('/api/v1/users', {
    data: {
      email: `xss-${uniqueSuffix()}@e2e.example.org`,
      name: shortest[0]?.slice(0, 120),
      roles: ['EDITOR'],
      password: `pw-${uniqueSuffix()}-long-enough`,
    },
  });
  expect(named.status()).toBe(201);

  const ed = await guardedPage(browser);
  await signInByHttp(ed.page, editor.email, editor.password, `/articles/${created.id}`);
  await expect(ed.page.locator('.editor-content[contenteditable="true"]')).toBeVisible();
  await ed.page
    .getByRole('link', { name: /^Verdict and sources/ })
    .first()
    .click();
  await expect(ed.page.getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
  await expectInert(ed.page, ed.events, 'editor with the claim panel open');
  for (const path of ['/dashboard', '/inbox', `/articles/${created.id}/history`, `/articles/${created.id}/publish`]) {
    await ed.page.goto(path);
    await expectInert(ed.page, ed.events, path);
  }
  const adminView = await guardedPage(browser);
  await signInByHttp(adminView.page, demoAdmin.email, demoAdmin.password, '/admin/users');
  await expectInert(adminView.page, adminView.events, 'admin users');
  await adminView.page.goto('/admin/audit');
  await expectInert(adminView.page, adminView.events, 'audit log');

  for (const js of [true, false]) {
    const reader = await guardedPage(browser, { javaScriptEnabled: js });
    for (const path of [
      `/a/${created.slug}`,
      `/a/${created.slug}/v/1`,
      `/a/${created.slug}/versions`,
      `/a/${created.slug}/diff?from=1&to=2`,
      `/a/${created.slug}/embed`,
      `/a/${created.slug}/claims/${claimIds[0]}`,
      '/a',
      '/',
    ]) {
      await reader.page.goto(path);
      await expectInert(reader.page, reader.events, `${path} (JavaScript ${js ? 'on' : 'off'})`);
    }
  }
  const reader = await guardedPage(browser);
  await reader.page.goto(`/a/${created.slug}`);
  // The words arrive as words.
  await expect(reader.page.locator('.verdicts')).toContainText('alert(');
});

test('the checks catch the corpus when it is not sanitized (so a pass above means something)', async ({ browser }) => {
  const { page, events } = await guardedPage(browser);
  await page.setContent(`<!doctype html><body>${vectors.slice(0, 60).join('\n')}</body>`);
  let failure = '';
  await expectInert(page, events, 'raw corpus').catch((err: unknown) => {
    failure = String(err);
  });
  expect(failure).toContain('raw corpus');
  expect(failure).toMatch(/on\w+|dialog|javascript:/i);
});
