import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { newPage, newsroom, signInByHttp, uniqueSuffix, type TestUser } from './support/accounts';
import { approvedClaim, createTextArticle, saveClaim, settlePublishingSettings } from './support/newsroom-api';
import { staffAndPageTypes, type PageType } from './support/page-types';

let staff: TestUser;
let reviewer: TestUser;
let pages: PageType[];

test.beforeAll(async () => {
  ({ staff, reviewer, pages } = await staffAndPageTypes());
});

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCHEMES = ['light', 'dark'] as const;
/**
 * The dark scheme swaps colour tokens only (public/tokens.css): the page's structure, names and roles are the
 * light run's. So the dark run checks the rules about colour, and each page costs one full axe run, not two.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const axeFor = (page: Page, colorScheme: (typeof SCHEMES)[number]) =>
  colorScheme === 'light'
    ? new AxeBuilder({ page }).withTags(WCAG_22_AA)
    : new AxeBuilder({ page }).withRules(COLOUR_RULES);

// Every page type, in three parts that are tests of their own: axe on all of them one after another took
// minutes on a loaded two-core machine, and the parts run on both workers.
const staffHalf = (all: PageType[], half: 0 | 1) => {
  const staffPages = all.filter((t) => t.as === 'staff');
  const middle = Math.ceil(staffPages.length / 2);
  return half === 0 ? staffPages.slice(0, middle) : staffPages.slice(middle);
};
const parts: [string, (all: PageType[]) => PageType[]][] = [
  ['public pages', (all) => all.filter((t) => t.as === 'reader')],
  ['newsroom pages, first half', (all) => staffHalf(all, 0)],
  ['newsroom pages, second half', (all) => staffHalf(all, 1)],
  ["a reviewer's pages", (all) => all.filter((t) => t.as === 'reviewer')],
];

for (const [part, pick] of parts) {
  test(`every page type has no WCAG 2.2 AA violation that axe-core can find, light and dark: ${part}`, async ({
    browser,
  }) => {
    // Two axe runs per page (light and dark): on a loaded two-core machine a part took over five minutes.
    test.setTimeout(600_000);
    const types = pick(pages);
    expect(types.length, part).toBeGreaterThan(0);
    const page = await newPage(browser);
    const user = { reader: null, staff, reviewer }[types[0]?.as ?? 'reader'];
    if (user) await signInByHttp(page, user.email, user.password);
    const found: Record<string, string[]> = {};
    for (const type of types) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(type.path);
      await page.waitForLoadState('load');
      // Both colour schemes on the one loaded page: switching prefers-color-scheme restyles it without a reload.
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        const results = await axeFor(page, colorScheme).analyze();
        const violations = results.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`,
        );
        if (violations.length) found[`${type.name} (${colorScheme})`] = violations;
      }
    }
    expect(found).toEqual({});
  });
}

test('the claim panel and an open verdict popover have no violation either, light and dark', async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await newPage(browser);
  await signInByHttp(page, staff.email, staff.password);
  const editorPage = pages.find((p) => p.name === 'editor')?.path ?? '';
  await page.goto(editorPage);
  // The claim cards act once the editor is running (under load the click came before it, and nothing opened).
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await page
    .getByRole('link', { name: /^Verdict and sources/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Claim', exact: true })).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect((await axeFor(page, colorScheme).analyze()).violations.map((v) => `${v.id} (${colorScheme})`)).toEqual([]);
  }

  // axe runs as an injected script, so this page has JavaScript on; the reader page itself has none.
  const reader = await newPage(browser);
  await reader.goto(pages.find((p) => p.name === 'reader')?.path ?? '');
  await reader.getByRole('button', { name: 'True', exact: true }).click();
  await expect(reader.locator('.verdict-popover:popover-open')).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await reader.emulateMedia({ colorScheme });
    expect((await axeFor(reader, colorScheme).analyze()).violations.map((v) => `${v.id} (${colorScheme})`)).toEqual([]);
  }
});

test('the Publish screen warning that a live verdict is withdrawn, and its confirmation, have no violation', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const room = await newsroom();
  const { id: articleId } = await createTextArticle(
    room.editorApi,
    'Officials said that ferry fares fell this year. Bus fares rose by a tenth.',
    `Withdrawn verdict ${uniqueSuffix()}`,
  );
  // Two approved verdicts: one goes back to draft, the other keeps the new version publishable.
  const approved = (quote: string) =>
    approvedClaim(room, articleId, quote, {
      shortVerdict: 'No: they rose.',
      source: { url: 'https://stats.example.org/fares', title: 'Fares table', kind: 'official-data' },
    });
  const claimId = await approved('ferry fares fell');
  await approved('Bus fares rose by a tenth');
  await settlePublishingSettings(room.admin);
  expect((await room.editorApi.post(`/api/v1/articles/${articleId}/publications`, { data: {} })).status()).toBe(201);
  // The verdict goes back to draft: publishing now would take it off the public page.
  await saveClaim(room.editorApi, claimId, { shortVerdict: 'No: they rose by a tenth.' });

  const page = await newPage(browser);
  await signInByHttp(page, room.editor.email, room.editor.password, `/articles/${articleId}/publish`);
  await expect(page.getByRole('region', { name: /Publishing now withdraws a verdict readers can see/ })).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect((await axeFor(page, colorScheme).analyze()).violations.map((v) => `${v.id} (${colorScheme})`)).toEqual([]);
  }
  await page.getByLabel('Correction note for version 2 (readers see it)').fill('The verdict is being revised.');
  await page.getByRole('button', { name: 'Publish correction (version 2)' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Publish version 2?' })).toBeVisible();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect((await axeFor(page, colorScheme).analyze()).violations.map((v) => `${v.id} (${colorScheme})`)).toEqual([]);
  }
  await page.context().close();
});
