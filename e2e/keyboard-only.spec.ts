import { expect, test, type Page } from '@playwright/test';
import { apiAs, createUser, demoAdminApi, newPage, tokenFor, uniqueSuffix } from './support/accounts';
import { tabTo } from './support/keyboard';

/**
 * The whole job without a mouse: every control is reached with Tab (or Shift+Tab) and used with the keyboard.
 * An editor marks a claim, writes its verdict and submits it; a reviewer approves it; the editor publishes;
 * a reader with JavaScript off opens the verdict and its explanation.
 */

async function signInByKeyboard(page: Page, email: string, password: string, callbackUrl: string) {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('keyboard only: mark a claim, write the verdict, submit, review, publish, read it', async ({ browser }) => {
  test.setTimeout(120_000);
  const baseURL = test.info().project.use.baseURL ?? '';
  const admin = await demoAdminApi();
  const editor = await createUser(admin, ['EDITOR']);
  const reviewer = await createUser(admin, ['REVIEWER']);
  const editorApi = await apiAs(baseURL, (await tokenFor(editor.email, editor.password)).token);
  const title = `Keyboard ${uniqueSuffix()}`;
  const text = 'Officials said bus fares fell by half this spring.';
  const article = (await (
    await editorApi.post('/api/v1/articles', { data: { title, format: 'text', body: text } })
  ).json()) as { id: string; slug: string };

  const ed = await newPage(browser);
  await signInByKeyboard(ed, editor.email, editor.password, `/articles/${article.id}`);
  const content = ed.locator('.editor-content');
  await tabTo(ed, content);
  // Select "bus fares fell by half" with the caret keys, then mark it.
  await ed.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < text.indexOf('bus fares'); i++) await ed.keyboard.press('ArrowRight');
  for (let i = 0; i < 'bus fares fell by half'.length; i++) await ed.keyboard.press('Shift+ArrowRight');
  // The editor learns of a keyboard selection from the browser's selectionchange events, a task later:
  // let them arrive (on a loaded machine the keys outrun them), as they do between a person's keystrokes.
  await expect.poll(() => ed.evaluate(() => document.getSelection()?.toString())).toBe('bus fares fell by half');
  await expect
    .poll(() =>
      ed.locator('.editor-content').evaluate((root) => {
        const { editor } = root as HTMLElement & {
          editor?: {
            state: {
              selection: { from: number; to: number };
              doc: { textBetween: (from: number, to: number) => string };
            };
          };
        };
        return editor ? editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to) : null;
      }),
    )
    .toBe('bus fares fell by half');
  await ed.keyboard.press('ControlOrMeta+Shift+C');
  await expect(ed.locator('.editor-content mark[data-claim-id]')).toHaveText('bus fares fell by half');

  await tabTo(ed, ed.getByRole('link', { name: /^Verdict and sources/ }));
  await ed.keyboard.press('Enter');
  await expect(ed.getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
  await tabTo(ed, ed.getByLabel('Claimant', { exact: true }));
  await ed.keyboard.type('Transport officials');
  await tabTo(ed, ed.getByLabel('Rating'));
  await ed.keyboard.type('False');
  await expect(ed.getByLabel('Rating')).toHaveValue(/.+/);
  await tabTo(ed, ed.getByLabel('Short verdict'));
  await ed.keyboard.type('Fares fell by 10%, not 50%.');
  await tabTo(ed, ed.getByRole('button', { name: 'Save claim' }));
  await ed.keyboard.press('Enter');
  await expect(ed.getByRole('status').filter({ hasText: 'Claim saved.' })).toBeVisible();
  await tabTo(ed, ed.getByLabel('Source URL'));
  await ed.keyboard.type('https://transit.example.org/fares-2026');
  await tabTo(ed, ed.getByLabel('Title (fetched from the page when empty)'));
  await ed.keyboard.type('Fare tables 2026');
  await tabTo(ed, ed.getByRole('button', { name: 'Add source' }));
  await ed.keyboard.press('Enter');
  await expect(ed.getByRole('list', { name: 'Sources of this claim' }).getByRole('listitem')).toHaveCount(1);
  await tabTo(ed, ed.getByRole('button', { name: 'Submit for review' }));
  await ed.keyboard.press('Enter');
  await expect(ed.getByRole('status').filter({ hasText: 'Submitted for review.' })).toBeVisible();

  const rev = await newPage(browser);
  // The queue pages 20 at a time and other specs fill it: its search, as a reviewer would use it.
  await signInByKeyboard(rev, reviewer.email, reviewer.password, '/review?q=bus+fares+fell');
  await tabTo(rev, rev.getByRole('link', { name: '“bus fares fell by half”' }));
  await rev.keyboard.press('Enter');
  await expect(rev.getByRole('heading', { name: 'Review a claim' })).toBeVisible();
  await tabTo(rev, rev.getByRole('button', { name: 'Approve' }));
  await rev.keyboard.press('Enter');
  await expect(rev.getByRole('status').filter({ hasText: 'Claim approved.' })).toBeVisible();

  await ed.goto(`/articles/${article.id}/publish`);
  // The screen lists what goes out; withdrawing nothing, its button publishes without asking again.
  await tabTo(ed, ed.getByRole('button', { name: 'Publish version 1' }));
  await ed.keyboard.press('Enter');
  await expect(ed.getByRole('status').filter({ hasText: 'Published version 1.' })).toBeVisible();

  // A reader on a desktop and on a phone's width, with a keyboard.
  for (const viewport of [undefined, { width: 390, height: 844 }]) {
    const reader = await newPage(browser, { javaScriptEnabled: false, ...(viewport ? { viewport } : {}) });
    await reader.goto(`/a/${article.slug}`);
    await tabTo(reader, reader.getByRole('button', { name: 'False', exact: true }));
    await reader.keyboard.press('Enter');
    const popover = reader.locator('.verdict-popover:popover-open');
    await expect(popover).toContainText('Fares fell by 10%, not 50%.');
    await expect(popover).toBeInViewport({ ratio: 1 });
    await tabTo(reader, popover.getByRole('link', { name: 'Full explanation and sources' }));
    await reader.keyboard.press('Enter');
    await expect(reader).toHaveURL(/#claim-/);
    await expect(reader.locator('.verdict:target')).toContainText('Fare tables 2026');
    await reader.keyboard.press('Escape');
    await expect(popover).toHaveCount(0);
    await reader.context().close();
  }
});
