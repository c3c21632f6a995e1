import { Mark, mergeAttributes } from '@tiptap/core';

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
});
