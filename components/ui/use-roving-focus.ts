'use client';

import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const ITEMS = 'button:not(:disabled)';

/**
 * The WAI-ARIA toolbar pattern for a container of buttons: one Tab stop (the button last used, else the first), the
 * arrow keys move between them, Home and End go to the ends. Returns the container's onKeyDown and onFocus.
 */
export function useRovingFocus(container: RefObject<HTMLElement | null>) {
  const items = () => Array.from(container.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []);
  const makeCurrent = (current: HTMLElement) => {
    for (const item of items()) item.tabIndex = item === current ? 0 : -1;
  };
  // After every render (buttons come and go, some are disabled), exactly one button stays reachable by Tab.
  useEffect(() => {
    const all = items();
    makeCurrent(all.find((item) => item.tabIndex === 0) ?? all[0] ?? document.body);
  });
  const onFocus = (event: { target: EventTarget }) => {
    if (event.target instanceof HTMLElement && event.target.matches(ITEMS)) makeCurrent(event.target);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % all.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + all.length) % all.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? all.length - 1
              : -1;
    const next = all[to];
    if (!next) return;
    event.preventDefault();
    makeCurrent(next);
    next.focus();
  };
  return { onKeyDown, onFocus };
}
