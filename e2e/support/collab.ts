// The live editor as the collaboration specs drive it: open an article live, select words and type over them at full
// speed, read the editor's text and what the API stored.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { signInByHttp, type TestUser } from './accounts';

export interface StoredArticle {
  plainText: string;
  claims: { id: string; status: string; quote: { exact: string }; position: { start: number; end: number } }[];
}
export const stored = async (api: APIRequestContext, id: string) =>
  (await (await api.get(`/api/v1/articles/${id}`)).json()) as StoredArticle;

export async function openLive(page: Page, user: TestUser, articleId: string, people = 1): Promise<void> {
  await signInByHttp(page, user.email, user.password, `/articles/${articleId}`);
  await expect(page.getByRole('list', { name: 'People in this article' }).getByRole('listitem')).toHaveCount(people);
  await expect(page.locator('.editor-content[contenteditable="true"]')).toBeVisible();
}

interface EditorHandle {
  state: {
    doc: {
      descendants: (f: (node: { isText: boolean; text?: string }, pos: number) => void) => void;
      textBetween: (from: number, to: number) => string;
    };
    selection: { from: number; to: number };
  };
  view: { focus: () => void; hasFocus: () => boolean };
  commands: { setTextSelection: (range: { from: number; to: number }) => boolean };
}

/**
 * Selects words through the editor in one task, with the editor focused in that same task. Dragging
 * (support/editor.ts selectText) sets the DOM selection and ProseMirror reads it a task later, which another person's
 * edit arriving in between may undo; here the words are selected again until the selection holds, as a person would.
 * Tiptap's `focus()` command focuses in the next animation frame: keys typed before it went nowhere (the lost first
 * character of a word typed over a selection), so the view is focused directly and the focus checked.
 */
export async function selectWords(page: Page, words: string): Promise<void> {
  await expect(async () => {
    const selected = await page.locator('.editor-content').evaluate((root, target) => {
      const { editor } = root as HTMLElement & { editor: EditorHandle };
      let from = -1;
      editor.state.doc.descendants((node, pos) => {
        const index = from < 0 && node.isText ? (node.text ?? '').indexOf(target) : -1;
        if (index >= 0) from = pos + index;
      });
      if (from < 0) return null;
      editor.view.focus();
      editor.commands.setTextSelection({ from, to: from + target.length });
      return {
        words: editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to),
        focused: editor.view.hasFocus(),
      };
    }, words);
    expect(selected).toEqual({ words, focused: true });
  }).toPass({ timeout: 15_000 });
}

/** The article's text in this person's editor (without the hidden claim labels and other people's names). */
export const editorText = (page: Page) =>
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

/** Types over `words` at Playwright's own speed (no delay between keys), as a fast typist would. */
export async function typeOver(page: Page, words: string, text: string): Promise<void> {
  await selectWords(page, words);
  await page.keyboard.type(text);
}

export async function markClaim(page: Page, words: string): Promise<void> {
  await selectWords(page, words);
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Mark claim' }).click();
}

/** A person's initials as the presence list shows them. */
export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
