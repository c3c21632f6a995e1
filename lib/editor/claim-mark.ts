import { Mark, mergeAttributes } from '@tiptap/core';
import type { Mark as PMMark } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    claim: {
      /** Marks the selection as a new claim with a fresh id (overlapping claims stay as they are). */
      markClaim: (id?: string) => ReturnType;
      /** Marks the selection with an existing claim's id (re-attaching a detached claim). */
      attachClaim: (id: string) => ReturnType;
    };
  }
}

/**
 * Marks the words of a claim. The mark carries only the claim's id; the claim lives in the database.
 * `excludes: ''` lets claims overlap and nest; `inclusive: false` keeps typing at an edge outside it.
 */
export const ClaimMark = Mark.create({
  name: 'claim',
  inclusive: false,
  excludes: '',
  spanning: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-claim-id'),
        renderHTML: (attributes: { id?: string | null }) => (attributes.id ? { 'data-claim-id': attributes.id } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'mark[data-claim-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['mark', mergeAttributes({ class: 'claim' }, HTMLAttributes), 0];
  },

  addCommands() {
    // Tiptap's setMark would rewrite the id of a claim already in the selection; addMark adds one more.
    const add =
      (id: string) =>
      ({ tr, state, dispatch }: { tr: Transaction; state: EditorState; dispatch?: unknown }) => {
        let { from, to } = state.selection;
        // A claim starts and ends on words: selections often carry a space at either end.
        while (from < to && /\s/.test(state.doc.textBetween(from, from + 1, ' ', ' ') || ' ')) from++;
        while (to > from && /\s/.test(state.doc.textBetween(to - 1, to, ' ', ' ') || ' ')) to--;
        if (from >= to) return false;
        if (dispatch) tr.addMark(from, to, this.type.create({ id }));
        return true;
      };
    return {
      markClaim: (id?: string) => add(id ?? crypto.randomUUID()),
      attachClaim: (id: string) => add(id),
    };
  },

  addProseMirrorPlugins() {
    return [claimRetypingPlugin(this.type.name)];
  },

  addKeyboardShortcuts() {
    return { 'Mod-Shift-c': () => this.editor.commands.markClaim() };
  },
});

interface Retyping {
  pos: number;
  marks: readonly PMMark[];
}

const retypingKey = new PluginKey<Retyping | null>('claimRetyping');

/** The claim marks that cover every character of [from, to). */
function claimsCovering(state: EditorState, from: number, to: number, name: string): PMMark[] {
  let common: PMMark[] | null = null;
  state.doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    const here = node.marks.filter((m) => m.type.name === name);
    common = common === null ? here : common.filter((m) => here.some((h) => h.eq(m)));
    return false;
  });
  return common ?? [];
}

/**
 * Typing over words of a claim keeps them in the claim, up to and including its last word: the
 * replacement, and what is typed right after it, take the claims that covered the replaced words.
 * Otherwise a non-inclusive mark would drop words retyped at its end.
 */
export function claimRetypingPlugin(name: string): Plugin<Retyping | null> {
  return new Plugin<Retyping | null>({
    key: retypingKey,
    state: {
      init: () => null,
      apply: (tr, value) => {
        const meta = tr.getMeta(retypingKey) as Retyping | null | undefined;
        if (meta !== undefined) return meta;
        if (!value || tr.docChanged) return null;
        // The caret syncing to where the typing continues keeps it going; moving elsewhere ends it.
        return tr.selectionSet && !(tr.selection.empty && tr.selection.from === value.pos) ? null : value;
      },
    },
    props: {
      handleTextInput(view, from, to, text) {
        const retyping = retypingKey.getState(view.state);
        const marks = from < to ? claimsCovering(view.state, from, to, name) : retyping && retyping.pos === from ? retyping.marks : [];
        if (marks.length === 0) return false;
        const tr = view.state.tr.insertText(text, from, to);
        for (const mark of marks) tr.addMark(from, from + text.length, mark);
        tr.setMeta(retypingKey, { pos: from + text.length, marks });
        view.dispatch(tr);
        return true;
      },
    },
  });
}
