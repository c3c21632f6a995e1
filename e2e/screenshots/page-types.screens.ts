import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test, type Browser } from '@playwright/test';
import { signInByHttp } from '@/e2e/support/accounts';
import { demoSlug, staffAndPageTypes, type PageType } from '@/e2e/support/page-types';

const OUT = path.join(process.cwd(), 'screenshots');
const sizes = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const schemes = ['light', 'dark'] as const;

const slugify = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Every page type at 1440×900 and 390×844, in light and dark: screenshots/<page>--<size>--<scheme>.png. */
test('screenshots of every page type', async ({ browser }: { browser: Browser }) => {
  test.setTimeout(900_000);
  mkdirSync(OUT, { recursive: true });
  const { staff, reviewer, pages } = await staffAndPageTypes();
  const all: PageType[] = [
    ...pages,
    { name: 'reader search', path: `/a?q=${encodeURIComponent('security guarantees')}`, as: 'reader' },
    { name: 'not found', path: '/no-such-page', as: 'reader' },
    { name: 'reader not found', path: '/a/no-such-fact-check', as: 'reader' },
  ];
  const stateOf = async (user: { email: string; password: string }) => {
    const signedIn = await browser.newContext();
    await signInByHttp(await signedIn.newPage(), user.email, user.password);
    const state = await signedIn.storageState();
    await signedIn.close();
    return state;
  };
  const states = { staff: await stateOf(staff), reviewer: await stateOf(reviewer) };

  for (const size of sizes) {
    for (const colorScheme of schemes) {
      for (const as of ['reader', 'staff', 'reviewer'] as const) {
        const context = await browser.newContext({
          viewport: { width: size.width, height: size.height },
          colorScheme,
          isMobile: size.name === 'phone',
          hasTouch: size.name === 'phone',
          ...(as === 'reader' ? {} : { storageState: states[as] }),
        });
        const page = await context.newPage();
        for (const type of all.filter((t) => t.as === as)) {
          await page.goto(type.path);
          await page.waitForLoadState('load');
          await page.screenshot({ path: path.join(OUT, `${slugify(type.name)}--${size.name}--${colorScheme}.png`), fullPage: true });
        }
        await context.close();
      }
    }
  }
  console.log(`screenshots of ${all.length} page types (demo article ${demoSlug}) written to ${OUT}`);
});
