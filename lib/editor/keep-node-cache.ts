import { ProsemirrorBinding } from '@tiptap/y-tiptap';

type Binding = { mapping: Map<unknown, unknown>; _typeChanged: (...args: unknown[]) => void };
const patched = Symbol.for('factmark.keepNodeCache');

/**
 * Keeps y-tiptap's Yjs → ProseMirror node cache across remote changes. y-tiptap 3.0 empties it on every remote change
 * (`mapping.clear()` in `_typeChanged`, added for cursor recovery after drag-and-drop block moves), so each character
 * someone else types rebuilds every paragraph of the article in everyone's editor. The types a change touched, their
 * parents and deleted ones are dropped from the cache before the rebuild anyway (y-prosemirror's behaviour): only
 * unchanged paragraphs are reused, and ProseMirror then redraws only what changed.
 */
export function keepNodeCache(): void {
  const prototype = ProsemirrorBinding.prototype as unknown as Binding & { [patched]?: true };
  if (prototype[patched] || typeof prototype._typeChanged !== 'function') return;
  const typeChanged = prototype._typeChanged;
  prototype._typeChanged = function (this: Binding, ...args: unknown[]) {
    const { mapping } = this;
    mapping.clear = () => undefined;
    try {
      typeChanged.apply(this, args);
    } finally {
      delete (mapping as { clear?: unknown }).clear;
    }
  };
  prototype[patched] = true;
}
