import { expect, type Page } from '@playwright/test';

/** Selects the `occurrence`-th appearance of `words` in the editor, as a user dragging over them would. */
export async function selectText(page: Page, words: string, occurrence = 0): Promise<void> {
  // Live, the editor becomes editable once the shared document is synced (it replaces the stored text shown until then).
  await expect(page.locator('.editor-content')).toHaveAttribute('contenteditable', 'true');
  await page.locator('.editor-content').evaluate(
    (root, [target, nth]) => {
      // Screen-reader labels after highlights, and other people's carets with their names, are not part of the article's text.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('.visually-hidden, .collab-caret')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      const nodes: Text[] = [];
      let text = '';
      const starts: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        starts.push(text.length);
        nodes.push(n as Text);
        text += (n as Text).data;
      }
      let index = -1;
      for (let i = 0; i <= (nth as number); i++) index = text.indexOf(target as string, index + 1);
      if (index < 0) throw new Error(`"${target}" is not in the editor`);
      const locate = (offset: number, isEnd: boolean) => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          const start = starts[i] ?? 0;
          if (isEnd ? start < offset : start <= offset) return { node: nodes[i] as Text, offset: offset - start };
        }
        throw new Error('offset outside the text');
      };
      const from = locate(index, false);
      const to = locate(index + (target as string).length, true);
      (root as HTMLElement).focus();
      window.getSelection()?.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
    },
    [words, occurrence] as const,
  );
  // ProseMirror reads the DOM selection on selectionchange, a task later: wait until its own selection is these words.
  await expect
    .poll(() =>
      page.locator('.editor-content').evaluate((root) => {
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
    .toBe(words);
}

export async function expectSaved(page: Page): Promise<void> {
  const status = page.locator('.save-status');
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  // With live collaboration, "saved" also means the server acknowledged every edit sent.
  if ((await status.getAttribute('data-unsynced')) !== null) {
    await expect(status).toHaveAttribute('data-unsynced', '0', { timeout: 30_000 });
  }
}

/** The article's text in this person's editor: its document, without the hidden claim labels and other people's carets and names. */
export const editorText = (page: Page): Promise<string> =>
  page.locator('.editor-content').evaluate((root) => {
    const { editor } = root as HTMLElement & {
      editor: {
        state: {
          doc: { content: { size: number }; textBetween: (from: number, to: number, separator: string) => string };
        };
      };
    };
    return editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n');
  });

/**
 * Waits until the article's editor runs: its claim cards act from then on (a click before the page's script has
 * run is lost, as it is for a person on a slow machine).
 */
export async function editorRunning(page: Page): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Article text' })).toHaveAttribute('contenteditable', 'true');
}
