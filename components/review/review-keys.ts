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

/**
 * Whether the review screen's single-key shortcuts (a, r, j, n) are on in this browser: everything that offers or
 * announces them (the key handler, the hints, the buttons' aria-keyshortcuts) reads this one value. On by default,
 * and on the server.
 */
export const useReviewKeys = (): boolean => useSyncExternalStore(subscribe, isOn, () => true);

export function setReviewKeys(on: boolean): void {
  if (on) window.localStorage.removeItem(KEYS_OFF);
  else window.localStorage.setItem(KEYS_OFF, 'off');
  for (const listener of keyListeners) listener();
}
