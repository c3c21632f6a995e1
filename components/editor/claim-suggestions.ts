import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** One suggested claim as shown in the editor: its document range (mapped through edits) and why. */
export interface ShownSuggestion {
  key: string;
  from: number;
  to: number;
  exact: string;
  score: number;
  reasons: string[];
}

interface SuggestionsState {
  items: ShownSuggestion[];
  set: DecorationSet;
}

type Meta = { show: ShownSuggestion[] } | { remove: string };

export const claimSuggestionsKey = new PluginKey<SuggestionsState>('claimSuggestions');

const tooltip = (s: ShownSuggestion) => `Suggested claim: ${s.reasons.join('; ')}. Alt+Enter accepts it.`;

function decorate(doc: Transaction['doc'], items: ShownSuggestion[]): DecorationSet {
  return DecorationSet.create(
    doc,
    items.map((s) =>
      Decoration.inline(
        s.from,
        s.to,
        { class: 'claim-suggestion', title: tooltip(s), 'data-suggestion': s.key },
        { key: s.key },
      ),
    ),
  );
}

/** Moves the suggestions with the text; one whose words were deleted or emptied is dropped. */
function mapItems(items: ShownSuggestion[], tr: Transaction): ShownSuggestion[] {
  return items.flatMap((s) => {
    const from = tr.mapping.mapResult(s.from, 1);
    const to = tr.mapping.mapResult(s.to, -1);
    if ((from.deleted && to.deleted) || to.pos <= from.pos) return [];
    return [{ ...s, from: from.pos, to: to.pos }];
  });
}

/** Shows `items` as dotted underlines (replacing any shown); an empty list hides them. */
export function showSuggestions(editor: Editor, items: ShownSuggestion[]): void {
  editor.view.dispatch(
    editor.state.tr.setMeta(claimSuggestionsKey, { show: items } satisfies Meta).setMeta('addToHistory', false),
  );
}

/** The shown suggestions, in document order. */
export const shownSuggestions = (editor: Editor): ShownSuggestion[] =>
  claimSuggestionsKey.getState(editor.state)?.items ?? [];

/** Stops showing one suggestion. */
export function dismissSuggestion(editor: Editor, key: string): void {
  editor.view.dispatch(
    editor.state.tr.setMeta(claimSuggestionsKey, { remove: key } satisfies Meta).setMeta('addToHistory', false),
  );
}

/** Marks a suggestion's words as a new claim, exactly as "Mark claim" on them would; false when it can no longer be. */
export function acceptSuggestion(editor: Editor, key: string): boolean {
  const item = shownSuggestions(editor).find((s) => s.key === key);
  if (!item) return false;
  const isMarked = editor.chain().focus().setTextSelection({ from: item.from, to: item.to }).markClaim().run();
  if (isMarked) dismissSuggestion(editor, key);
  return isMarked;
}

/**
 * Suggested claims as dotted underlines with their reasons as a tooltip; Alt+Enter with the caret in one
 * accepts it. The page fills it with `showSuggestions` (lists and buttons live in the sidebar).
 */
export const ClaimSuggestions = Extension.create({
  name: 'claimSuggestions',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin<SuggestionsState>({
        key: claimSuggestionsKey,
        state: {
          init: (_, state): SuggestionsState => ({ items: [], set: DecorationSet.create(state.doc, []) }),
          apply: (tr, value): SuggestionsState => {
            const meta = tr.getMeta(claimSuggestionsKey) as Meta | undefined;
            let items = tr.docChanged ? mapItems(value.items, tr) : value.items;
            if (meta && 'show' in meta) items = [...meta.show].sort((a, b) => a.from - b.from);
            if (meta && 'remove' in meta) items = items.filter((s) => s.key !== meta.remove);
            if (items === value.items) return value;
            return { items, set: decorate(tr.doc, items) };
          },
        },
        props: {
          decorations: (state) => claimSuggestionsKey.getState(state)?.set,
          handleKeyDown: (view, event) => {
            if (!event.altKey || event.key !== 'Enter') return false;
            const { from, to } = view.state.selection;
            const item = claimSuggestionsKey.getState(view.state)?.items.find((s) => s.from <= from && to <= s.to);
            return item ? acceptSuggestion(editor, item.key) : false;
          },
        },
      }),
    ];
  },
});
