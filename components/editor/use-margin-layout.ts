'use client';

import { useLayoutEffect, type RefObject } from 'react';

const GAP = 8;

/**
 * Places each card of `list` (items with data-claim-id) level with its highlight in the article text, pushed down
 * below the card before it so none overlap, as comment cards sit beside a document. Off: the cards simply stack.
 * Where the margin's own heading (count, key, Previous/Next) reaches lower than the text's start, the text moves
 * down to the list's top, so the first cards are level with their highlights too.
 * Reads every position first and writes after, so one pass costs two layouts, not one per card.
 */
export function useMarginLayout(enabled: boolean, list: RefObject<HTMLOListElement | null>, layoutKey: unknown) {
  useLayoutEffect(() => {
    const ol = list.current;
    const text = ol?.closest('.editor-layout')?.querySelector<HTMLElement>('.article-body');
    if (!ol) return;
    const items = [...ol.children].filter((el): el is HTMLElement => el instanceof HTMLElement);
    // The editor's wrapper, not ProseMirror's own element (it owns that element's attributes).
    const shifted = text?.parentElement;
    if (!enabled || !text || !shifted) {
      for (const item of items) item.style.removeProperty('top');
      ol.style.removeProperty('height');
      shifted?.style.removeProperty('margin-top');
      return;
    }
    // The live document arrives in a new editor, whose text replaces this one: the cards follow the current text.
    let body = text;
    let wrapper = shifted;
    const place = () => {
      const base = ol.getBoundingClientRect().top;
      const natural = wrapper.getBoundingClientRect().top - (parseFloat(wrapper.style.marginTop) || 0);
      const lift = Math.max(0, Math.ceil(base - natural));
      if (lift > 0) wrapper.style.setProperty('margin-top', `${lift}px`);
      else wrapper.style.removeProperty('margin-top');
      const wanted = items.map((item) => {
        const id = item.dataset.claimId ?? '';
        const mark = body.querySelector(`mark[data-claim-id="${CSS.escape(id)}"]`);
        return { item, top: mark ? mark.getBoundingClientRect().top - base : null, height: item.offsetHeight };
      });
      let bottom = 0;
      for (const { item, top, height } of wanted) {
        const placed = Math.max(top ?? bottom, bottom);
        item.style.setProperty('top', `${placed}px`);
        bottom = placed + height + GAP;
      }
      ol.style.setProperty('height', `${bottom}px`);
    };
    // Whatever moves the text moves the cards, whether or not anything re-rendered: the text reflows (typing, images
    // loading, the window resized) or is replaced, what is above it in its column comes, goes or changes height (the
    // toolbar arriving with the live document, the presence list, a notice), or the margin's heading does (the key
    // wraps, suggestions open). Placing changes sizes only once, so this settles.
    const resized = new ResizeObserver(() => place());
    const side = ol.closest('.editor-side') ?? ol.closest('aside');
    if (side) resized.observe(side);
    const moved = new MutationObserver(() => follow());
    const follow = () => {
      const current = ol.closest('.editor-layout')?.querySelector<HTMLElement>('.article-body');
      if (current?.parentElement && current !== body) {
        resized.unobserve(body);
        wrapper.style.removeProperty('margin-top');
        body = current;
        wrapper = current.parentElement;
      }
      resized.observe(body);
      moved.observe(wrapper, { childList: true });
      const column = wrapper.parentElement;
      if (column) moved.observe(column, { childList: true });
      for (const element of column?.children ?? []) if (element !== wrapper) resized.observe(element);
      place();
    };
    follow();
    return () => {
      moved.disconnect();
      resized.disconnect();
      wrapper.style.removeProperty('margin-top');
    };
  }, [enabled, list, layoutKey]);
}
