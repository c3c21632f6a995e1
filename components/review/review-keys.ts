'use client';

import { useSyncExternalStore } from 'react';

/** Where a reviewer's choice to switch the single-key shortcuts off is kept (this browser, every tab). */
const KEYS_OFF = 'factmark.reviewKeys';
const keyListeners = new Set<() => void>();

function subscribe(listener: () => void) {
  keyListeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    keyListeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const isOn = () => window.localStorage.getItem(KEYS_OFF) !== 'off';

/** The reviewer's choice in this browser: on unless switched off (on, too, while the page is drawn on the server). */
export const useReviewKeysChoice = (): boolean => useSyncExternalStore(subscribe, isOn, () => true);

const noSubscription = () => () => {};

/**
 * Whether the review screen's single-key shortcuts (a, r, j, n) work now: everything that offers or announces them
 * (the key handler, the hints, the buttons' aria-keyshortcuts) reads this one value. Off in the server's HTML and
 * until the page's script runs, since no key does anything before then; then the reviewer's choice.
 */
export function useReviewKeys(): boolean {
  const running = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return useReviewKeysChoice() && running;
}

export function setReviewKeys(on: boolean): void {
  if (on) window.localStorage.removeItem(KEYS_OFF);
  else window.localStorage.setItem(KEYS_OFF, 'off');
  for (const listener of keyListeners) listener();
}
