import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { claimRanges } from '@/lib/editor/claim-marks';
import { plainText } from '@/lib/editor/plain-text';

interface LabelsState {
  labels: ReadonlyMap<string, string>;
  set: DecorationSet;
}

export const claimLabelsKey = new PluginKey<LabelsState>('claimLabels');

/**
 * Puts each claim's state and rating in words right after its highlight, for screen readers (the
 * highlight colours alone say nothing to them). Labels come from the page: `setMeta(claimLabelsKey, labels)`.
 */
export const ClaimLabels = Extension.create({
  name: 'claimLabels',
  addProseMirrorPlugins() {
    const build = (doc: Parameters<typeof claimRanges>[0], labels: ReadonlyMap<string, string>) => {
      const text = plainText(doc);
      const widgets = [...claimRanges(doc)].flatMap(([id, range]) => {
        const label = labels.get(id);
        if (!label) return [];
        return Decoration.widget(
          text.toPos(range.end, 'end'),
          () => {
            const span = document.createElement('span');
            span.className = 'visually-hidden';
            span.textContent = ` (claim: ${label})`;
            return span;
          },
          { side: 1, key: `${id}:${label}`, ignoreSelection: true, marks: [] },
        );
      });
      return DecorationSet.create(doc, widgets);
    };
    return [
      new Plugin<LabelsState>({
        key: claimLabelsKey,
        state: {
          init: (_, state): LabelsState => ({
            labels: new Map<string, string>(),
            set: DecorationSet.create(state.doc, []),
          }),
          apply: (tr, value, _old, state): LabelsState => {
            const labels = (tr.getMeta(claimLabelsKey) as ReadonlyMap<string, string> | undefined) ?? value.labels;
            if (labels !== value.labels) return { labels, set: build(state.doc, labels) };
            // Typing only moves the labels along; rebuilding them on every keystroke would cost a frame.
            return tr.docChanged ? { labels, set: value.set.map(tr.mapping, tr.doc) } : value;
          },
        },
        props: { decorations: (state) => claimLabelsKey.getState(state)?.set },
      }),
    ];
  },
});
