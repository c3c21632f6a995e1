import { expect, type Locator, type Page } from '@playwright/test';

/** The toast (a polite status in the Notifications region) that says `text`. */
export const toast = (page: Page, text: string | RegExp): Locator =>
  page
    .getByRole('region', { name: /^Notifications/ })
    .getByRole('status')
    .filter({ hasText: text });

/** A toast says exactly `text`, after the word that tells its kind without colour ("Done", "Note", "Error"). */
export async function expectToast(page: Page, text: string, kind: 'Done' | 'Note' | 'Error' = 'Done'): Promise<void> {
  await expect(toast(page, text)).toHaveText(`${kind}: ${text}`);
}

/** The confirmation dialog with this question. */
export const confirmDialog = (page: Page, question: string): Locator =>
  page.getByRole('alertdialog', { name: question });
