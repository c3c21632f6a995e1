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
    const place = () => {
      const base = ol.getBoundingClientRect().top;
      const natural = shifted.getBoundingClientRect().top - (parseFloat(shifted.style.marginTop) || 0);
      const lift = Math.max(0, Math.ceil(base - natural));
      if (lift > 0) shifted.style.setProperty('margin-top', `${lift}px`);
      else shifted.style.removeProperty('margin-top');
      const wanted = items.map((item) => {
        const id = item.dataset.claimId ?? '';
        const mark = text.querySelector(`mark[data-claim-id="${CSS.escape(id)}"]`);
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
    place();
    // The text reflows (typing, images loading, the window resized) or the margin's heading changes height (the key
    // wraps, suggestions open): the cards follow. Placing changes sizes only once, so this settles.
    const observer = new ResizeObserver(() => place());
    observer.observe(text);
    const side = ol.closest('.editor-side') ?? ol.closest('aside');
    if (side) observer.observe(side);
    return () => {
      observer.disconnect();
      shifted.style.removeProperty('margin-top');
    };
  }, [enabled, list, layoutKey]);
}
