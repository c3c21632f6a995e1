// npm run bench:ux — the core journeys driven in Chromium with the fewest user actions the interface allows:
// mark a claim and submit it with a complete verdict, review the oldest claim in the queue, publish an approved
// claim. An action is a click or a key press other than typed text; putting the caret in a field counts as one.
import { existsSync } from 'node:fs';
import { chromium, type APIResponse, type Browser, type Locator, type Page } from '@playwright/test';
import { recordResults, runBench, startServer } from './support';

const editorAccount = { email: 'editor@example.org', password: 'demo-editor-password' };
const reviewerAccount = { email: 'reviewer@example.org', password: 'demo-reviewer-password' };
const LONG = { timeout: 60_000 };

/** A person's actions on a page, counted as they are made. */
class Journey {
  actions = 0;
  private started = performance.now();
  constructor(readonly page: Page) {}

  async click(target: Locator): Promise<void> {
    this.actions++;
    await target.click(LONG);
  }

  async press(key: string): Promise<void> {
    this.actions++;
    await this.page.keyboard.press(key);
  }

  /** One click to put the caret in the field; the words themselves are typed text. */
  async fill(target: Locator, text: string): Promise<void> {
    this.actions++;
    await target.fill(text, LONG);
  }

  /** A native select: one click to open it and one on the option. */
  async choose(target: Locator, label: string): Promise<void> {
    this.actions += 2;
    await target.selectOption({ label }, LONG);
  }

  /** Selecting a phrase: one drag. */
  async select(words: string): Promise<void> {
    this.actions++;
    await this.page.locator('.editor-content').evaluate((root, target) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(target);
        if (at < 0) continue;
        (root as HTMLElement).focus();
        window.getSelection()?.setBaseAndExtent(n, at, n, at + target.length);
        return;
      }
      throw new Error(`"${target}" is not in the editor`);
    }, words);
    await this.page.waitForFunction(
      (target) => {
        const root = document.querySelector('.editor-content') as
          | (HTMLElement & {
              editor?: {
                state: {
                  selection: { from: number; to: number };
                  doc: { textBetween: (a: number, b: number) => string };
                };
              };
            })
          | null;
        const state = root?.editor?.state;
        return state ? state.doc.textBetween(state.selection.from, state.selection.to) === target : false;
      },
      words,
      LONG,
    );
  }

  result(): { actions: number; ms: number } {
    return { actions: this.actions, ms: Math.round(performance.now() - this.started) };
  }
}

async function signedInPage(
  browser: Browser,
  baseURL: string,
  account: { email: string; password: string },
): Promise<Page> {
  const page = await browser.newPage({ baseURL, viewport: { width: 1440, height: 900 } });
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), LONG);
  return page;
}

async function markToSubmit(page: Page, articleId: string, words: string): Promise<{ actions: number; ms: number }> {
  await page.goto(`/articles/${articleId}`);
  await page.locator('.editor-content').waitFor(LONG);
  // Live editing: the tools come with the shared document, which replaces the text (and a selection made before).
  await page.getByRole('toolbar', { name: 'Formatting' }).waitFor(LONG);
  const j = new Journey(page);
  await j.select(words);
  await j.press('ControlOrMeta+Shift+C');
  await page.locator('.editor-content mark[data-claim-id]').filter({ hasText: words }).waitFor(LONG);
  await j.click(page.getByRole('link', { name: /^Verdict and sources/ }).first());
  await j.fill(page.getByLabel('Claimant', { exact: true }), 'The minister');
  await j.choose(page.getByLabel('Rating'), 'False');
  await j.fill(page.getByLabel('Short verdict'), 'Records show 1,200 new homes, not 12,000.');
  // The panel saves what was typed by itself (and again before Submit): no Save click.
  for (const [i, title] of ['Housing completions 2026', 'Planning register'].entries()) {
    await j.fill(page.getByLabel('Source URL'), `https://stats.example.org/housing-${i + 1}`);
    await j.fill(page.getByLabel('Title (fetched from the page when empty)'), title);
    await j.click(page.getByRole('button', { name: 'Add source' }));
    await page.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem').nth(i).waitFor(LONG);
  }
  await j.click(page.getByRole('button', { name: 'Submit for review' }));
  await page.getByRole('status').filter({ hasText: 'Submitted for review.' }).waitFor(LONG);
  return j.result();
}

/** Approves the claim the page shows: the keyboard shortcut where the page offers one, else the button. */
async function approveShown(j: Journey): Promise<void> {
  const approve = j.page.getByRole('button', { name: /^Approve/ });
  if ((await approve.getAttribute('aria-keyshortcuts', LONG)) === 'a') await j.press('a');
  else await j.click(approve);
}

async function review(page: Page): Promise<{ actions: number; ms: number }> {
  await page.goto('/dashboard');
  const j = new Journey(page);
  await j.click(page.getByRole('link', { name: /^Review/ }).first());
  await j.click(page.locator('table tbody tr').first().getByRole('link').first());
  await page.getByRole('heading', { name: 'Review a claim' }).waitFor(LONG);
  await approveShown(j);
  await page.getByRole('status').filter({ hasText: 'Claim approved.' }).waitFor(LONG);
  return j.result();
}

/** After an approval, on to the next claim in the queue (the oldest still waiting) and approve it. */
async function reviewNext(page: Page): Promise<{ actions: number; ms: number }> {
  const j = new Journey(page);
  if (new URL(page.url()).pathname === '/review')
    await j.click(page.locator('table tbody tr').first().getByRole('link').first());
  await page.getByRole('heading', { name: 'Review a claim' }).waitFor(LONG);
  const shown = page.url();
  await approveShown(j);
  await page.waitForURL((url) => url.href !== shown, LONG);
  await page.getByRole('status').filter({ hasText: 'Claim approved.' }).waitFor(LONG);
  return j.result();
}

/** A second claim in review, made through the API, so there is a next claim to go on to. */
async function submittedClaim(page: Page, origin: string, articleId: string, words: string): Promise<void> {
  const headers = { Origin: origin };
  const ok = async (res: Promise<APIResponse>) => {
    const r = await res;
    if (!r.ok()) throw new Error(`${r.url()}: ${r.status()} ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
  const claim = await ok(
    page.request.post(`/api/v1/articles/${articleId}/claims`, { data: { quote: { exact: words } }, headers }),
  );
  const ratings = (await ok(page.request.get('/api/v1/ratings'))) as { items?: { id: string; label: string }[] };
  const rating = ratings.items?.find((r) => r.label === 'Mostly true')?.id ?? ratings.items?.[0]?.id;
  await ok(
    page.request.patch(`/api/v1/claims/${String(claim.id)}`, {
      data: { baseVersion: claim.version, rating, shortVerdict: 'Turnout was 61%, close to the claim.' },
      headers,
    }),
  );
  for (const n of [1, 2]) {
    await ok(
      page.request.post(`/api/v1/claims/${String(claim.id)}/sources`, {
        data: { url: `https://elections.example.org/turnout-${n}`, title: `Turnout table ${n}`, kind: 'official-data' },
        headers,
      }),
    );
  }
  await ok(page.request.post(`/api/v1/claims/${String(claim.id)}/submit`, { headers }));
}

async function publish(page: Page, articleId: string): Promise<{ actions: number; ms: number }> {
  await page.goto(`/articles/${articleId}`);
  await page.locator('.editor-content').waitFor(LONG);
  const j = new Journey(page);
  await j.click(page.getByRole('link', { name: 'Publish…' }));
  // The screen lists what goes out and asks again only when publishing withdraws a verdict readers see.
  await j.click(page.getByRole('button', { name: 'Publish version 1' }));
  await j.click(page.getByRole('link', { name: 'Open the published page' }));
  await page.locator('.verdicts').waitFor(LONG);
  return j.result();
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath:
      process.env.PLAYWRIGHT_CHROMIUM_PATH ??
      ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p)),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const editor = await signedInPage(browser, server.baseURL, editorAccount);
    const reviewer = await signedInPage(browser, server.baseURL, reviewerAccount);
    const words = 'the council built 12,000 homes last year';
    const second = 'turnout was above 60%';
    const created = await editor.request.post('/api/v1/articles', {
      data: {
        title: 'UX benchmark',
        format: 'text',
        body: `The minister said ${words}. The opposition disputes it.\nThe mayor said ${second} in May.`,
      },
      headers: { Origin: server.baseURL },
    });
    if (!created.ok()) throw new Error(`article: ${created.status()} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const mark = await markToSubmit(editor, id, words);
    await submittedClaim(editor, server.baseURL, id, second);
    const rev = await review(reviewer);
    const next = await reviewNext(reviewer);
    const pub = await publish(editor, id);
    await recordResults('ux', {
      actions: { markToSubmit: mark.actions, review: rev.actions, reviewNext: next.actions, publish: pub.actions },
      ms: { markToSubmit: mark.ms, review: rev.ms, reviewNext: next.ms, publish: pub.ms },
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}

runBench(main);
