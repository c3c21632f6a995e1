// Keystroke latency in Chromium, shared by bench:editor and bench:collab: from keydown to the next animation frame
// after the editable's DOM changed, for presses into the editor and into a bare contenteditable (the floor).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';

export const KEYSTROKES = 200;

/** Debian's Chromium (or PLAYWRIGHT_CHROMIUM_PATH), headless, as the benches run it. */
export const launchBenchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath:
      process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });

const measureScript = (selector: string) => `(() => {
  const w = window; w.latencies = []; w.pending = null;
  document.addEventListener('keydown', () => (w.pending = performance.now()), true);
  new MutationObserver(() => {
    const t0 = w.pending;
    if (t0 === null) return;
    w.pending = null;
    requestAnimationFrame(() => w.latencies.push(performance.now() - t0));
  }).observe(document.querySelector(${JSON.stringify(selector)}), { childList: true, subtree: true, characterData: true });
})()`;

/**
 * Clicks `target` inside the editable `selector` and presses `count` keys there (an x, a space every tenth) 20 ms
 * apart; returns each key's latency in milliseconds.
 */
export async function keystrokeLatencies(
  page: Page,
  selector: string,
  target: Locator,
  count = KEYSTROKES,
): Promise<number[]> {
  await page.evaluate(measureScript(selector));
  await target.click();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Space' : 'KeyX');
    await page.waitForTimeout(20);
  }
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

/** The same measure on a bare contenteditable in the same browser: waiting for the next frame alone. */
export async function bareEditableLatencies(browser: Browser, count = KEYSTROKES): Promise<number[]> {
  const page = await browser.newPage();
  await page.setContent('<div id="bare" contenteditable="true"><p>The council said the budget rose.</p></div>');
  const latencies = await keystrokeLatencies(page, '#bare', page.locator('#bare p'), count);
  await page.close();
  return latencies;
}
