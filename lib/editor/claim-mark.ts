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

/** The selection without spaces at either end: a claim starts and ends on words. */
function trimmedSelection(state: EditorState): { from: number; to: number } {
  let { from, to } = state.selection;
  while (from < to && /\s/.test(state.doc.textBetween(from, from + 1, ' ', ' ') || ' ')) from++;
  while (to > from && /\s/.test(state.doc.textBetween(to - 1, to, ' ', ' ') || ' ')) to--;
  return { from, to };
}

/** The id of a claim whose highlight is exactly the words from `from` to `to`, if there is one. */
export function claimExactlyAt(state: EditorState, from: number, to: number): string | null {
  const extents = new Map<string, { from: number; to: number }>();
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'claim' || typeof mark.attrs.id !== 'string') continue;
      const e = extents.get(mark.attrs.id);
      extents.set(mark.attrs.id, {
        from: Math.min(e?.from ?? pos, pos),
        to: Math.max(e?.to ?? 0, pos + node.nodeSize),
      });
    }
    return false;
  });
  for (const [id, e] of extents) if (e.from === from && e.to === to) return id;
  return null;
}

/** Why the selection cannot be marked as a new claim: no words selected, or exactly the words of a claim already; null when it can. */
export function markClaimRefusal(state: EditorState): 'empty' | 'duplicate' | null {
  const { from, to } = trimmedSelection(state);
  if (from >= to) return 'empty';
  return claimExactlyAt(state, from, to) ? 'duplicate' : null;
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
        const { from, to } = trimmedSelection(state);
        // A second claim on exactly the same words would be a silent duplicate (overlapping ones are fine).
        if (from >= to || claimExactlyAt(state, from, to)) return false;
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
        const marks =
          from < to
            ? claimsCovering(view.state, from, to, name)
            : retyping && retyping.pos === from
              ? retyping.marks
              : [];
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
