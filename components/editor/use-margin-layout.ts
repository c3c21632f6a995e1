'use client';

import { useLayoutEffect, type RefObject } from 'react';

const GAP = 8;

/**
 * Places each card of `list` (items with data-claim-id) level with its highlight in the article text, pushed down
 * below the card before it so none overlap, as comment cards sit beside a document. Off: the cards simply stack.
 * Reads every position first and writes after, so one pass costs one layout, not one per card.
 */
export function useMarginLayout(enabled: boolean, list: RefObject<HTMLOListElement | null>, layoutKey: unknown) {
  useLayoutEffect(() => {
    const ol = list.current;
    const text = ol?.closest('.editor-layout')?.querySelector<HTMLElement>('.article-body');
    if (!ol) return;
    const items = [...ol.children].filter((el): el is HTMLElement => el instanceof HTMLElement);
    if (!enabled || !text) {
      for (const item of items) item.style.removeProperty('top');
      ol.style.removeProperty('height');
      return;
    }
    const place = () => {
      const base = ol.getBoundingClientRect().top;
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
    // The text reflows (typing, images loading, the window resized): the cards follow.
    const observer = new ResizeObserver(() => place());
    observer.observe(text);
    return () => observer.disconnect();
  }, [enabled, list, layoutKey]);
}
