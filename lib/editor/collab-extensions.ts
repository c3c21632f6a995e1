import { Extension, type Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { COLLAB_FIELD } from '@/lib/collab/messages';
import { editorExtensions } from './extensions';
import { keepNodeCache } from './keep-node-cache';

/** A colour someone else's awareness state names, if it is a plain `#rrggbb` (it goes into a style). */
export const safeColour = (value: unknown): string =>
  typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : '#6b7280';

/** A person's colour for carets and the presence list, the same on every screen. */
export function colourFor(userId: string): string {
  const palette = ['#b91c1c', '#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f'];
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return palette[Math.abs(hash) % palette.length] ?? '#6b7280';
}

function caret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const colour = safeColour(user.color);
  const element = document.createElement('span');
  element.className = 'collab-caret';
  element.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = colour;
  label.textContent = typeof user.name === 'string' ? user.name.slice(0, 60) : 'Someone';
  element.append(label);
  return element;
}

/**
 * The awareness as the caret plugin sees it, except that this person's caret is published after the next frame is
 * drawn, the latest position once: publishing within a keystroke (or a colleague's edit) sends it to every editor
 * and redraws the carets here before the typed character shows. Clearing it (leaving the text) is not delayed.
 */
function caretAfterPaint(awareness: Awareness): Awareness {
  let pending: { field: string; value: unknown } | null = null;
  const publish = () => {
    const next = pending;
    pending = null;
    if (next) awareness.setLocalStateField(next.field, next.value);
  };
  const setLocalStateField = (field: string, value: unknown) => {
    if (value === null) {
      pending = null;
      awareness.setLocalStateField(field, value);
      return;
    }
    const isScheduled = pending !== null;
    pending = { field, value };
    if (isScheduled) return;
    // A hidden page draws no frames.
    if (document.visibilityState === 'hidden') setTimeout(publish, 0);
    else requestAnimationFrame(() => setTimeout(publish, 0));
  };
  return new Proxy(awareness, {
    get: (target, key) => (key === 'setLocalStateField' ? setLocalStateField : Reflect.get(target, key, target)),
  });
}

/** Other people's carets and selections, in their colour with their name (y-tiptap's cursor plugin). */
const CollabCarets = Extension.create<{ awareness: Awareness | null }>({
  name: 'collabCarets',
  addOptions: () => ({ awareness: null }),
  addProseMirrorPlugins() {
    const { awareness } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(caretAfterPaint(awareness), {
        cursorBuilder: caret,
        selectionBuilder: (user: { color?: unknown }) => ({
          style: `background-color: ${safeColour(user.color)}33`,
          class: 'collab-selection',
        }),
      }),
    ];
  },
});

/** The editor's extension list, collaborating on `document`: Yjs keeps the history, so the local undo goes. */
export function collabExtensions(document: Y.Doc, awareness: Awareness | null): Extensions {
  keepNodeCache();
  return [
    ...editorExtensions.map((extension) =>
      extension.name === 'starterKit' ? extension.configure({ undoRedo: false }) : extension,
    ),
    Collaboration.configure({ document, field: COLLAB_FIELD }),
    CollabCarets.configure({ awareness }),
  ];
}
